using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.StateTransition.PerEpoch;

public static partial class PerEpochProcessing
{
    /// <summary>
    /// process_registry_updates: queue groups whose balance reached n x MIN_ACTIVATION_BALANCE, eject groups at
    /// n x EJECTION_BALANCE, activate finalized-eligible groups up to the churn limit (counted in groups).
    /// </summary>
    internal static void ProcessRegistryUpdates(BeaconState state)
    {
        var preset = state.Preset;
        var currentEpoch = state.CurrentEpoch;
        var count = state.Groups.Count;
        List<int>? toEject = null;
        for (var i = 0; i < count; i++)
        {
            var group = state.Groups[i];
            var n = (ulong)group.Size;
            if (group.ActivationEligibilityEpoch == Group.FarFuture && group.EffectiveBalance.Value >= n * preset.MinActivationBalance)
            {
                state.Groups.Set(i, group with { ActivationEligibilityEpoch = currentEpoch + 1 });
            }

            if (group.IsActive(currentEpoch) && group.EffectiveBalance.Value <= n * preset.EjectionBalance)
            {
                (toEject ??= []).Add(i);
            }
        }

        foreach (var i in toEject ?? [])
        {
            state.InitiateGroupExit(i);
        }

        var finalized = state.FinalizedCheckpoint.Epoch;
        var queue = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var group = state.Groups[i];
            if (group.ActivationEligibilityEpoch <= finalized && group.ActivationEpoch == Group.FarFuture)
            {
                queue.Add(i);
            }
        }

        if (queue.Count == 0)
        {
            return;
        }

        queue.Sort((a, b) =>
        {
            var byEpoch = state.Groups[a].ActivationEligibilityEpoch.CompareTo(state.Groups[b].ActivationEligibilityEpoch);
            return byEpoch != 0 ? byEpoch : a.CompareTo(b);
        });
        var churn = (int)Math.Min(state.GetChurnLimit(), (ulong)queue.Count);
        var activationEpoch = ChainTime.ActivationExitEpoch(preset, currentEpoch);
        for (var k = 0; k < churn; k++)
        {
            var i = queue[k];
            state.Groups.Set(i, state.Groups[i] with { ActivationEpoch = activationEpoch });
        }
    }

    /// <summary>process_slashings (Bellatrix multiplier): the proportional penalty, halfway to withdrawability.</summary>
    internal static void ProcessSlashings(BeaconState state)
    {
        var preset = state.Preset;
        var epoch = state.CurrentEpoch;
        var totalBalance = state.GetTotalActiveBalance();
        ulong sum = 0;
        foreach (var amount in state.Slashings)
        {
            sum = checked(sum + amount);
        }

        var adjusted = (ulong)UInt128.Min((UInt128)sum * preset.ProportionalSlashingMultiplier, totalBalance);
        var target = epoch + preset.EpochsPerSlashingsVector / 2;
        var increment = preset.EffectiveBalanceIncrement;
        var groups = state.Groups.AsSpan();
        for (var i = 0; i < groups.Length; i++)
        {
            var group = groups[i];
            if (group.Slashed && group.WithdrawableEpoch == target)
            {
                var penaltyNumerator = (UInt128)(group.EffectiveBalance.Value / increment) * adjusted;
                var penalty = (ulong)(penaltyNumerator / totalBalance * increment);
                state.DecreaseBalance(i, penalty);
            }
        }
    }

    /// <summary>process_effective_balance_updates with hysteresis; a group caps at n x MAX_EFFECTIVE_BALANCE.</summary>
    internal static void ProcessEffectiveBalanceUpdates(BeaconState state)
    {
        var preset = state.Preset;
        var increment = preset.EffectiveBalanceIncrement;
        var hysteresisIncrement = increment / preset.HysteresisQuotient;
        var downward = hysteresisIncrement * preset.HysteresisDownwardMultiplier;
        var upward = hysteresisIncrement * preset.HysteresisUpwardMultiplier;
        var count = state.Groups.Count;
        for (var i = 0; i < count; i++)
        {
            var group = state.Groups[i];
            var balance = state.Balances[i];
            var effective = group.EffectiveBalance.Value;
            if (balance + downward < effective || effective + upward < balance)
            {
                var cap = (ulong)group.Size * preset.MaxEffectiveBalance;
                var updated = Math.Min(balance - balance % increment, cap);
                if (updated != effective)
                {
                    state.Groups.Set(i, group with { EffectiveBalance = new Primitives.Gwei(updated) });
                }
            }
        }
    }
}
