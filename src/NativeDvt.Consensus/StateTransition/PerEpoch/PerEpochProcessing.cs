using NativeDvt.Consensus.State;

namespace NativeDvt.Consensus.StateTransition.PerEpoch;

/// <summary>process_epoch, in the Altair/Bellatrix order (without eth1, historical and sync-committee steps).</summary>
/// <remarks>
/// Spec: altair beacon-chain "Epoch processing". Groups replace validators; each group's weight is its
/// effective balance (up to n x MAX_EFFECTIVE_BALANCE). Added: key-change pruning, member-participation rotation.
/// </remarks>
public static partial class PerEpochProcessing
{
    /// <summary>process_epoch.</summary>
    public static void ProcessEpoch(BeaconState state)
    {
        var summary = EpochSummary.Compute(state);
        ProcessJustificationAndFinalization(state, summary);
        ProcessInactivityUpdates(state, summary);
        ProcessRewardsAndPenalties(state, summary);
        ProcessRegistryUpdates(state);
        ProcessSlashings(state);
        ProcessEffectiveBalanceUpdates(state);
        ProcessSlashingsReset(state);
        ProcessRandaoMixesReset(state);
        ProcessParticipationFlagUpdates(state);
        ProcessKeyChangePruning(state);
    }
}
