using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.StateTransition.PerEpoch;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.State;

/// <remarks>Spec: phase0/altair/bellatrix "Beacon state mutators", over groups.</remarks>
public sealed partial class BeaconState
{
    /// <summary>increase_balance.</summary>
    public void IncreaseBalance(int index, ulong delta) => Balances[index] = checked(Balances[index] + delta);

    /// <summary>decrease_balance: floors at zero.</summary>
    public void DecreaseBalance(int index, ulong delta) =>
        Balances[index] = delta > Balances[index] ? 0 : Balances[index] - delta;

    /// <summary>initiate_validator_exit for a group: queue its exit behind the churn limit.</summary>
    public void InitiateGroupExit(int index)
    {
        var group = Groups[index];
        if (group.ExitEpoch != Group.FarFuture)
        {
            return;
        }

        var exitQueueEpoch = ChainTime.ActivationExitEpoch(Preset, CurrentEpoch);
        foreach (var other in Groups.AsSpan())
        {
            if (other.ExitEpoch != Group.FarFuture && other.ExitEpoch > exitQueueEpoch)
            {
                exitQueueEpoch = other.ExitEpoch;
            }
        }

        ulong churn = 0;
        foreach (var other in Groups.AsSpan())
        {
            if (other.ExitEpoch == exitQueueEpoch)
            {
                churn++;
            }
        }

        if (churn >= GetChurnLimit())
        {
            exitQueueEpoch += 1;
        }

        Groups.Set(index, group with
        {
            ExitEpoch = exitQueueEpoch,
            WithdrawableEpoch = exitQueueEpoch + Preset.MinValidatorWithdrawabilityDelay,
        });
    }

    /// <summary>
    /// slash_validator for a group (Bellatrix quotients): forced exit, the minimum penalty now, the proportional
    /// penalty later in process_slashings, and the whistleblower and proposer rewards.
    /// </summary>
    public void SlashGroup(int index, GroupIndex? whistleblower = null)
    {
        var epoch = CurrentEpoch;
        InitiateGroupExit(index);
        var group = Groups[index];
        var withdrawable = epoch + Preset.EpochsPerSlashingsVector;
        Groups.Set(index, group with
        {
            Slashed = true,
            WithdrawableEpoch = withdrawable > group.WithdrawableEpoch ? withdrawable : group.WithdrawableEpoch,
        });
        var effectiveBalance = group.EffectiveBalance.Value;
        var slot = (int)(epoch.Value % Preset.EpochsPerSlashingsVector);
        Slashings[slot] = checked(Slashings[slot] + effectiveBalance);
        DecreaseBalance(index, effectiveBalance / Preset.MinSlashingPenaltyQuotient);

        var proposer = (int)GetBeaconProposerIndex().Value;
        var whistleblowerIndex = whistleblower is { } w ? (int)w.Value : proposer;
        var whistleblowerReward = effectiveBalance / Preset.WhistleblowerRewardQuotient;
        var proposerReward = whistleblowerReward * ParticipationFlags.ProposerWeight / ParticipationFlags.WeightDenominator;
        IncreaseBalance(proposer, proposerReward);
        IncreaseBalance(whistleblowerIndex, whistleblowerReward - proposerReward);
    }
}
