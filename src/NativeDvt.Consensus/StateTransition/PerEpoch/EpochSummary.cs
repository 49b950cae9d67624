using System.Runtime.InteropServices;
using NativeDvt.Consensus.State;

namespace NativeDvt.Consensus.StateTransition.PerEpoch;

/// <summary>
/// One pass over the registry at an epoch boundary: who is eligible, which flags each group earned
/// (unslashed, active in the previous epoch), and the balances the rules weigh.
/// </summary>
internal sealed class EpochSummary
{
    private EpochSummary(int count)
    {
        Eligible = new bool[count];
        PreviousFlags = new byte[count];
    }

    /// <summary>get_eligible_validator_indices as a mask.</summary>
    public bool[] Eligible { get; }

    /// <summary>Flags of unslashed groups active in the previous epoch (zero otherwise).</summary>
    public byte[] PreviousFlags { get; }

    /// <summary>get_total_active_balance.</summary>
    public ulong TotalActiveBalance { get; private set; }

    /// <summary>Unslashed participating balance per flag in the previous epoch (at least one increment).</summary>
    public ulong[] PreviousFlagBalances { get; } = new ulong[3];

    /// <summary>Unslashed timely-target balance in the current epoch (at least one increment).</summary>
    public ulong CurrentTargetBalance { get; private set; }

    public static EpochSummary Compute(BeaconState state)
    {
        var groups = state.Groups.AsSpan();
        var summary = new EpochSummary(groups.Length);
        var previous = state.PreviousEpoch;
        var current = state.CurrentEpoch;
        var previousParticipation = CollectionsMarshal.AsSpan(state.PreviousEpochParticipation);
        var currentParticipation = CollectionsMarshal.AsSpan(state.CurrentEpochParticipation);
        ulong total = 0;
        ulong currentTarget = 0;
        Span<ulong> flagBalances = stackalloc ulong[3];
        for (var i = 0; i < groups.Length; i++)
        {
            var group = groups[i];
            var balance = group.EffectiveBalance.Value;
            var activePrevious = group.IsActive(previous);
            summary.Eligible[i] = activePrevious || (group.Slashed && previous + 1 < group.WithdrawableEpoch);
            if (group.IsActive(current))
            {
                total += balance;
                if (!group.Slashed && ParticipationFlags.Has(currentParticipation[i], ParticipationFlags.TimelyTarget))
                {
                    currentTarget += balance;
                }
            }

            if (activePrevious && !group.Slashed)
            {
                var flags = previousParticipation[i];
                summary.PreviousFlags[i] = flags;
                for (var f = 0; f < 3; f++)
                {
                    if (ParticipationFlags.Has(flags, f))
                    {
                        flagBalances[f] += balance;
                    }
                }
            }
        }

        var increment = state.Preset.EffectiveBalanceIncrement;
        summary.TotalActiveBalance = Math.Max(increment, total);
        summary.CurrentTargetBalance = Math.Max(increment, currentTarget);
        for (var f = 0; f < 3; f++)
        {
            summary.PreviousFlagBalances[f] = Math.Max(increment, flagBalances[f]);
        }

        return summary;
    }
}
