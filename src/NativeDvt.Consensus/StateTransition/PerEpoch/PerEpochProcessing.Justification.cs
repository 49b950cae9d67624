using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.StateTransition.PerEpoch;

public static partial class PerEpochProcessing
{
    /// <summary>process_justification_and_finalization: Casper FFG with 2/3 of the active (group) balance.</summary>
    internal static void ProcessJustificationAndFinalization(BeaconState state, EpochSummary summary)
    {
        if (state.CurrentEpoch.Value <= 1)
        {
            return;
        }

        WeighJustificationAndFinalization(state, summary.TotalActiveBalance,
            summary.PreviousFlagBalances[ParticipationFlags.TimelyTarget], summary.CurrentTargetBalance);
    }

    /// <summary>weigh_justification_and_finalization.</summary>
    public static void WeighJustificationAndFinalization(BeaconState state, ulong totalActiveBalance, ulong previousTargetBalance, ulong currentTargetBalance)
    {
        var previousEpoch = state.PreviousEpoch;
        var currentEpoch = state.CurrentEpoch;
        var oldPreviousJustified = state.PreviousJustifiedCheckpoint;
        var oldCurrentJustified = state.CurrentJustifiedCheckpoint;

        state.PreviousJustifiedCheckpoint = state.CurrentJustifiedCheckpoint;
        var bits = (byte)((state.JustificationBits << 1) & 0x0f);
        if ((UInt128)previousTargetBalance * 3 >= (UInt128)totalActiveBalance * 2)
        {
            state.CurrentJustifiedCheckpoint = new Checkpoint(previousEpoch, state.GetBlockRoot(previousEpoch));
            bits |= 0b0010;
        }

        if ((UInt128)currentTargetBalance * 3 >= (UInt128)totalActiveBalance * 2)
        {
            state.CurrentJustifiedCheckpoint = new Checkpoint(currentEpoch, state.GetBlockRoot(currentEpoch));
            bits |= 0b0001;
        }

        state.JustificationBits = bits;
        if ((bits & 0b1110) == 0b1110 && oldPreviousJustified.Epoch.Value + 3 == currentEpoch.Value)
        {
            state.FinalizedCheckpoint = oldPreviousJustified;
        }

        if ((bits & 0b0110) == 0b0110 && oldPreviousJustified.Epoch.Value + 2 == currentEpoch.Value)
        {
            state.FinalizedCheckpoint = oldPreviousJustified;
        }

        if ((bits & 0b0111) == 0b0111 && oldCurrentJustified.Epoch.Value + 2 == currentEpoch.Value)
        {
            state.FinalizedCheckpoint = oldCurrentJustified;
        }

        if ((bits & 0b0011) == 0b0011 && oldCurrentJustified.Epoch.Value + 1 == currentEpoch.Value)
        {
            state.FinalizedCheckpoint = oldCurrentJustified;
        }
    }
}
