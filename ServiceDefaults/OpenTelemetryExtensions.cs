using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NativeDvt.ServiceDefaults;

/// <summary>Logs, traces and metrics of a devnet service, exported over OTLP to the Aspire dashboard.</summary>
public static class OpenTelemetryExtensions
{
    /// <summary>The meters and activity sources beyond ASP.NET Core's and HttpClient's: Orleans' and the devnet's own.</summary>
    private static readonly string[] Sources = ["Microsoft.Orleans", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "NativeDvt.*"];

    /// <summary>Wires OpenTelemetry; exports only when the AppHost set OTEL_EXPORTER_OTLP_ENDPOINT, so a service run alone stays quiet.</summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Sources))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(Sources)
                .AddAspNetCoreInstrumentation(options =>
                    // Health probes every few seconds would drown the traces that matter.
                    options.Filter = context => !context.Request.Path.StartsWithSegments(HealthCheckExtensions.HealthPath)
                        && !context.Request.Path.StartsWithSegments(HealthCheckExtensions.AlivePath))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }
}
