using System.Reflection;
using NativeDvt.Dashboard.Api;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Beacon;

/// <summary>
/// <c>/eth/v1/node/version</c>, <c>/eth/v1/node/identity</c> (the answering identity's libp2p peer; the devnet has no
/// discovery, so no ENR) and <c>/eth/v1/node/syncing</c> (its head against the wall clock's slot).
/// </summary>
internal static class NodeInfoApi
{
    public static IEndpointRouteBuilder MapNodeInfoApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/eth/v1/node/version", () =>
        {
            var version = typeof(NodeInfoApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            return Results.Json(new { data = new { version = $"NativeDvt/v{version.Split('+')[0]}/{Environment.OSVersion.Platform.ToString().ToLowerInvariant()}-dotnet{Environment.Version}" } });
        });

        endpoints.MapGet("/eth/v1/node/identity", async (IGrainFactory grains, string? identity) =>
            await BeaconNodeApi.AnsweringAsync(grains, identity) is not { } node
                ? BeaconNodeApi.NoNode()
                : Results.Json(new
                {
                    data = new
                    {
                        peer_id = node.PeerId,
                        enr = "",
                        p2p_addresses = node.Address is { } address ? new[] { address } : [],
                        discovery_addresses = Array.Empty<string>(),
                        metadata = new { seq_number = "0", attnets = "0x0000000000000000", syncnets = "0x00" },
                    },
                }));

        endpoints.MapGet("/eth/v1/node/syncing", async (IGrainFactory grains, TimeProvider time, string? identity) =>
        {
            if (await BeaconNodeApi.AnsweringAsync(grains, identity) is not { } node
                || await grains.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet).GetGenesisAsync() is not { } genesis)
            {
                return BeaconNodeApi.NoNode();
            }

            var wall = Live.ChainClock.Of(genesis).SlotAt(time.GetUtcNow());
            var distance = wall > node.HeadSlot ? wall - node.HeadSlot : 0;
            return Results.Json(new
            {
                data = new
                {
                    head_slot = BeaconNodeApi.Text(node.HeadSlot),
                    sync_distance = BeaconNodeApi.Text(distance),
                    // A node more than an epoch behind the clock is catching up, as a client reports it.
                    is_syncing = distance > genesis.SlotsPerEpoch,
                    is_optimistic = false,
                    el_offline = false,
                },
            });
        });

        return endpoints;
    }
}
