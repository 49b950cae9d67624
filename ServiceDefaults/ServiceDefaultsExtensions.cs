using Microsoft.Extensions.Hosting;

namespace NativeDvt.ServiceDefaults;

/// <summary>
/// The one call every devnet service makes: OpenTelemetry to the Aspire dashboard and the default health checks.
/// Nothing else cross-cutting belongs in a service's Program.cs.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Adds OpenTelemetry (logs, traces, metrics over OTLP when the AppHost gives an endpoint) and the health checks.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        return builder;
    }
}
