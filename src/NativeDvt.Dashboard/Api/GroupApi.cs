using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Api;

/// <summary>
/// The devnet's groups (<see cref="IGroupGrain"/>): members and where they run, balance, status, per-epoch credit and
/// rewards as the chain reports them, slashings and key rotations.
/// </summary>
internal static class GroupApi
{
    public static IEndpointRouteBuilder MapGroupApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/groups", async (IGrainFactory grains) => Results.Json(await SummariesAsync(grains)));

        endpoints.MapGet("/api/groups/{index}", async (IGrainFactory grains, ulong index) =>
            (await GroupIndicesAsync(grains)).Contains(index)
                ? Results.Json(await grains.GetGrain<IGroupGrain>((long)index).GetSummaryAsync())
                : Results.Json(new BeaconError(404, $"the devnet has no group {index}"), statusCode: StatusCodes.Status404NotFound));

        return endpoints;
    }

    /// <summary>The groups the devnet's identities belong to, in registry order; none before the devnet starts.</summary>
    private static async Task<ulong[]> GroupIndicesAsync(IGrainFactory grains) =>
        IdentityKeys.Groups(await grains.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet).GetIdentityKeysAsync());

    /// <summary>Every group's summary, in registry order.</summary>
    internal static async Task<GroupSummary[]> SummariesAsync(IGrainFactory grains) =>
        await Task.WhenAll((await GroupIndicesAsync(grains)).Select(g => grains.GetGrain<IGroupGrain>((long)g).GetSummaryAsync()));
}
