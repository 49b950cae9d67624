using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NativeDvt.Dashboard.Beacon;
using NativeDvt.Dashboard.Faults;
using NativeDvt.Dashboard.Live;
using NativeDvt.Dashboard.Metrics;
using OpenTelemetry.Metrics;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Api;

/// <summary>
/// The devnet's HTTP API: the Beacon-API subset the devnet answers, the pages' live view, the fault controls, the
/// identities, groups and event log, and Prometheus metrics. Hosts add the pages with <see cref="DashboardPages"/>.
/// </summary>
public static class DevnetApiExtensions
{
    /// <summary>
    /// Registers what the endpoints need: the probe and readiness check, the monitor that reads the cluster once a second
    /// and the feeds built on it, the metrics, and a random fault token unless one is registered already. An
    /// <see cref="IGrainFactory"/> must be registered too.
    /// </summary>
    public static IServiceCollection AddDevnetApi(this IServiceCollection services)
    {
        services.AddSingleton<ClusterProbe>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(FaultToken.Generate());
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<DevnetMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<DevnetMonitor>());
        services.AddSingleton<BeaconEventHub>();
        services.AddHostedService<BeaconEventSource>();
        services.AddSingleton<DevnetMeter>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(DevnetMeter.Name).AddPrometheusExporter());
        services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster");
        return services;
    }

    /// <summary>
    /// Maps, each answering 503 while the cluster cannot answer: the Beacon API's <c>/eth/v1/node/{health,version,identity,syncing}</c>,
    /// <c>/eth/v1/beacon/genesis</c>, <c>/eth/v1/beacon/headers/{block_id}</c>, <c>/eth/v1/beacon/blocks/{block_id}/root</c>,
    /// <c>/eth/v1/beacon/states/head/{finality_checkpoints,validators,validators/{id}}</c> and <c>/eth/v1/events</c>; the
    /// devnet's <c>/api/view</c>, <c>/api/live</c>, <c>/api/faults/{kind}</c>, <c>/api/identities</c>, <c>/api/events</c>,
    /// <c>/api/groups</c>, <c>/api/groups/{index}</c>, <c>/api/identities/{key}/slashing-protection</c>; and <c>/metrics</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapDevnetApi(this IEndpointRouteBuilder routes)
    {
        var endpoints = routes.MapGroup("");
        endpoints.AddEndpointFilter<ClusterFailureFilter>();
        // Beacon API: 200 when ready, 503 when not; the body is empty either way.
        endpoints.MapGet("/eth/v1/node/health", async (ClusterProbe probe, CancellationToken cancellationToken) =>
            await probe.AnswersAsync(cancellationToken) ? Results.Ok() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));

        endpoints.MapGet("/eth/v1/beacon/genesis", async (ClusterProbe probe, CancellationToken cancellationToken) =>
        {
            GenesisSummary? genesis;
            try
            {
                genesis = await probe.GenesisAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return Results.Json(new BeaconError(503, "the devnet's cluster does not answer"), statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return genesis is null
                ? Results.Json(new BeaconError(404, "Chain genesis info is not yet known"), statusCode: StatusCodes.Status404NotFound)
                : Results.Json(new GenesisResponse(new GenesisData(
                    genesis.GenesisTime.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    genesis.GenesisValidatorsRoot,
                    genesis.GenesisForkVersion)));
        });

        endpoints.MapGet("/api/events", async (IGrainFactory grains, [FromQuery] int? since) =>
        {
            var first = Math.Max(0, since ?? 0);
            var events = await grains.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet).GetEventsAsync(first);
            return Results.Json(events.Select((e, i) => EventEntry.Of(first + i, e)));
        });

        endpoints.MapBeaconNodeApi();
        endpoints.MapNodeInfoApi();
        endpoints.MapValidatorApi();
        endpoints.MapEventStreamApi();
        endpoints.MapLiveApi();
        endpoints.MapFaultApi();
        endpoints.MapGroupApi();
        endpoints.MapSlashingProtectionApi();

        // Prometheus text, outside the group: a scrape while the cluster fails over still gets the last readings.
        routes.MapPrometheusScrapingEndpoint("/metrics");
        // The meter starts counting when it is first made: with the host, not with the first scrape.
        _ = routes.ServiceProvider.GetRequiredService<DevnetMeter>();
        return routes;
    }
}
