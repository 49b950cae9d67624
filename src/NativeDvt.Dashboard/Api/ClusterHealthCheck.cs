using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NativeDvt.Dashboard.Api;

/// <summary>Readiness for <c>/health</c>: the cluster answers (the AppHost waits on it).</summary>
internal sealed class ClusterHealthCheck(ClusterProbe probe) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await probe.AnswersAsync(cancellationToken)
            ? HealthCheckResult.Healthy("the devnet grain answers")
            : HealthCheckResult.Unhealthy("the cluster does not answer");
}
