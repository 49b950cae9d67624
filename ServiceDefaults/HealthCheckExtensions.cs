using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace NativeDvt.ServiceDefaults;

/// <summary><c>/health</c> (every check: ready for traffic) and <c>/alive</c> (the "live" checks only: the process responds).</summary>
public static class HealthCheckExtensions
{
    /// <summary>Every health check must pass.</summary>
    public const string HealthPath = "/health";

    /// <summary>Only the checks tagged <see cref="LiveTag"/> must pass.</summary>
    public const string AlivePath = "/alive";

    /// <summary>The tag of liveness checks.</summary>
    public const string LiveTag = "live";

    /// <summary>Adds the "self" liveness check; services add their readiness checks beside it.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// Maps <see cref="HealthPath"/> and <see cref="AlivePath"/>. Always mapped, not only in Development as the Aspire
    /// template does: the devnet's services listen on loopback only.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath);
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        return app;
    }
}
