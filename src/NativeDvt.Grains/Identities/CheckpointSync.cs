using Microsoft.Extensions.Logging;
using NativeDvt.Consensus.State;
using NativeDvt.Ssz;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Identities;

/// <summary>
/// Where an identity that starts into a running devnet takes its chain from: the post-state of the newest finalized
/// block a running node holds, as a beacon node checkpoint-syncs from a trusted node's API. Its peers prune the blocks
/// below finality, so a node that started from genesis could never connect to their chain. A node of the same silo is
/// asked first (the state is shared in memory, nothing is copied); then the identity grains active on other silos, over
/// the control plane (SSZ).
/// </summary>
internal static partial class CheckpointSync
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The anchor for identity <paramref name="self"/>'s node, or null to start at genesis (nothing finalized yet).</summary>
    public static async Task<BeaconState?> FindAnchorAsync(DevnetContext context, string self, IGrainFactory grains, GrainType identities, ILogger logger)
    {
        // A node of this silo answers for the chain, even with genesis (the devnet just started): no need to ask afar.
        if (await context.Nodes.NewestFinalizedStateAsync().ConfigureAwait(false) is { } local)
        {
            return Anchor(local);
        }

        var active = await grains.GetGrain<IManagementGrain>(0).GetActiveGrains(identities).ConfigureAwait(false);
        BeaconState? best = null;
        foreach (var (id, other) in active.Select(id => (id, id.Key.ToString() ?? "")).Where(x => x.Item2 != self))
        {
            try
            {
                var bytes = await grains.GetGrain<IIdentityGrain>(id).GetFinalizedStateAsync().WaitAsync(AskTimeout).ConfigureAwait(false);
                if (bytes is not null && BeaconState.CodecFor(context.Genesis.Config).Decode(bytes) is var state && (best is null || state.Slot > best.Slot))
                {
                    best = state;
                }
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // A silo that is dying or an identity that is starting: another one answers.
                LogAskFailed(logger, self, other, error.Message);
            }
        }

        return best is null ? null : Anchor(best);
    }

    // A node that holds nothing newer than genesis gives genesis: the identity starts there as at the devnet's start.
    private static BeaconState? Anchor(BeaconState state) => state.Slot.Value == 0 ? null : state;

    [LoggerMessage(EventId = 50, Level = LogLevel.Information, Message = "Identity {Identity} could not read a checkpoint from {Other}: {Reason}")]
    private static partial void LogAskFailed(ILogger logger, string identity, string other, string reason);
}
