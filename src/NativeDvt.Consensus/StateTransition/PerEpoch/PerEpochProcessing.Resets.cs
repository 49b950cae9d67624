using NativeDvt.Consensus.State;

namespace NativeDvt.Consensus.StateTransition.PerEpoch;

public static partial class PerEpochProcessing
{
    /// <summary>process_slashings_reset.</summary>
    internal static void ProcessSlashingsReset(BeaconState state)
    {
        var next = state.CurrentEpoch.Value + 1;
        state.Slashings[(int)(next % state.Preset.EpochsPerSlashingsVector)] = 0;
    }

    /// <summary>process_randao_mixes_reset.</summary>
    internal static void ProcessRandaoMixesReset(BeaconState state)
    {
        var current = state.CurrentEpoch;
        var next = current.Value + 1;
        state.RandaoMixes[(int)(next % state.Preset.EpochsPerHistoricalVector)] = state.GetRandaoMix(current);
    }

    /// <summary>process_participation_flag_updates, and the same rotation for `component` member participation.</summary>
    internal static void ProcessParticipationFlagUpdates(BeaconState state)
    {
        var count = state.Groups.Count;
        state.PreviousEpochParticipation = state.CurrentEpochParticipation;
        state.CurrentEpochParticipation = new List<byte>(new byte[count]);
        state.PreviousEpochMemberParticipation = state.CurrentEpochMemberParticipation;
        state.CurrentEpochMemberParticipation = new List<ulong>(new ulong[count]);
    }

    /// <summary>
    /// Drops key changes whose old key is no longer slashable: from epoch change.Epoch + ROTATION_SLASHABILITY_EPOCHS
    /// on, evidence signed with the old key no longer verifies.
    /// </summary>
    /// <remarks>Group-specific; no spec counterpart.</remarks>
    internal static void ProcessKeyChangePruning(BeaconState state)
    {
        var next = state.CurrentEpoch.Value + 1;
        var keep = state.Preset.RotationSlashabilityEpochs;
        var count = state.Groups.Count;
        for (var i = 0; i < count; i++)
        {
            var group = state.Groups[i];
            if (group.KeyChanges.Count == 0)
            {
                continue;
            }

            var remaining = group.KeyChanges.Where(change => change.Epoch.Value + keep > next).ToArray();
            if (remaining.Length != group.KeyChanges.Count)
            {
                state.Groups.Set(i, group with { KeyChanges = remaining });
            }
        }
    }
}
