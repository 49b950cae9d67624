using Microsoft.AspNetCore.Mvc;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Api;

/// <summary>
/// The devnet's HTTP API: the Beacon-API subset the devnet answers (node health, genesis, and from an identity's node
/// headers and the head's finality checkpoints), the identities' statuses and the event log.
/// </summary>
public static class DevnetApiExtensions
{
    /// <summary>Registers what the endpoints need (the probe, the readiness check); an <see cref="IGrainFactory"/> must be registered too.</summary>
    public static IServiceCollection AddDevnetApi(this IServiceCollection services)
    {
        services.AddSingleton<ClusterProbe>();
        services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster");
        return services;
    }

    /// <summary>
    /// Maps (each answering 503 while the cluster cannot answer) <c>/eth/v1/node/health</c>, <c>/eth/v1/beacon/genesis</c>, <c>/eth/v1/beacon/headers/{block_id}</c>,
    /// <c>/eth/v1/beacon/states/head/finality_checkpoints</c>, <c>/api/identities</c>, <c>/api/events</c>, <c>/api/groups</c>,
    /// <c>/api/groups/{index}</c> and <c>/api/identities/{key}/slashing-protection</c>.
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
            return Results.Json(events.Select((e, i) => new EventEntry(first + i, e.Kind, e.Slot, e.Who, e.Details, e.At)));
        });

        endpoints.MapBeaconNodeApi();
        endpoints.MapGroupApi();
        endpoints.MapSlashingProtectionApi();
        return routes;
    }
}
