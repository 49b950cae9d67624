using System.Runtime.InteropServices;
using NativeDvt.Consensus.State;

namespace NativeDvt.Consensus.StateTransition.PerEpoch;

public static partial class PerEpochProcessing
{
    /// <summary>process_inactivity_updates (Altair).</summary>
    internal static void ProcessInactivityUpdates(BeaconState state, EpochSummary summary)
    {
        if (state.CurrentEpoch == Primitives.Epoch.Zero)
        {
            return;
        }

        var preset = state.Preset;
        var leaking = state.IsInInactivityLeak();
        var scores = CollectionsMarshal.AsSpan(state.InactivityScores);
        for (var i = 0; i < scores.Length; i++)
        {
            if (!summary.Eligible[i])
            {
                continue;
            }

            var score = scores[i];
            score = ParticipationFlags.Has(summary.PreviousFlags[i], ParticipationFlags.TimelyTarget)
                ? score - Math.Min(1, score)
                : checked(score + preset.InactivityScoreBias);
            if (!leaking)
            {
                score -= Math.Min(preset.InactivityScoreRecoveryRate, score);
            }

            scores[i] = score;
        }
    }

    /// <summary>
    /// process_rewards_and_penalties: get_flag_index_deltas for source, target and head, then
    /// get_inactivity_penalty_deltas (Bellatrix quotient); all in one pass per group.
    /// </summary>
    internal static void ProcessRewardsAndPenalties(BeaconState state, EpochSummary summary)
    {
        if (state.CurrentEpoch == Primitives.Epoch.Zero)
        {
            return;
        }

        var preset = state.Preset;
        var increment = preset.EffectiveBalanceIncrement;
        var baseRewardPerIncrement = increment * preset.BaseRewardFactor / BeaconState.IntegerSquareRoot(summary.TotalActiveBalance);
        var activeIncrements = summary.TotalActiveBalance / increment;
        var leaking = state.IsInInactivityLeak();
        Span<ulong> participatingIncrements = stackalloc ulong[3];
        for (var f = 0; f < 3; f++)
        {
            participatingIncrements[f] = summary.PreviousFlagBalances[f] / increment;
        }

        var inactivityDenominator = (UInt128)preset.InactivityScoreBias * preset.InactivityPenaltyQuotient;
        var rewardDenominator = (UInt128)activeIncrements * ParticipationFlags.WeightDenominator;
        var groups = state.Groups.AsSpan();
        var balances = CollectionsMarshal.AsSpan(state.Balances);
        var scores = CollectionsMarshal.AsSpan(state.InactivityScores);
        for (var i = 0; i < groups.Length; i++)
        {
            if (!summary.Eligible[i])
            {
                continue;
            }

            var effectiveBalance = groups[i].EffectiveBalance.Value;
            var baseReward = effectiveBalance / increment * baseRewardPerIncrement;
            var flags = summary.PreviousFlags[i];
            UInt128 reward = 0;
            UInt128 penalty = 0;
            for (var f = 0; f < 3; f++)
            {
                var weight = ParticipationFlags.Weight(f);
                if (ParticipationFlags.Has(flags, f))
                {
                    if (!leaking)
                    {
                        reward += (UInt128)baseReward * weight * participatingIncrements[f] / rewardDenominator;
                    }
                }
                else if (f != ParticipationFlags.TimelyHead)
                {
                    penalty += (UInt128)baseReward * weight / ParticipationFlags.WeightDenominator;
                }
            }

            if (!ParticipationFlags.Has(flags, ParticipationFlags.TimelyTarget))
            {
                penalty += (UInt128)effectiveBalance * scores[i] / inactivityDenominator;
            }

            var balance = (UInt128)balances[i] + reward;
            balances[i] = (ulong)(penalty >= balance ? 0 : balance - penalty);
        }
    }
}
