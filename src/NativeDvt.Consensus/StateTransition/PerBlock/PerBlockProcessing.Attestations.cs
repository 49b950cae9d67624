using System.Numerics;
using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition.PerEpoch;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.StateTransition.PerBlock;

public static partial class PerBlockProcessing
{
    /// <summary>
    /// process_attestation for one group. `whole`: at least m members signed this exact data, and its flags are
    /// earned. `component`: any number of members (at least one) may sign; each correct part (source, target, head)
    /// accumulates its signers in the state, and the flag is earned once at least m members carried it.
    /// </summary>
    internal static void ProcessAttestation(BlockContext context, GroupAttestation attestation)
    {
        const BlockRule rule = BlockRule.ProcessAttestation;
        var state = context.State;
        var preset = state.Preset;
        var data = attestation.Data;
        var currentEpoch = state.CurrentEpoch;
        var targetEpoch = data.Target.Epoch;
        InvalidBlockException.Require(targetEpoch == currentEpoch || targetEpoch == state.PreviousEpoch, rule,
            $"target epoch {targetEpoch} is neither the previous nor the current epoch");
        InvalidBlockException.Require(targetEpoch == ChainTime.EpochAtSlot(preset, data.Slot), rule, "target epoch does not contain the slot");
        InvalidBlockException.Require(data.Slot < state.Slot && state.Slot.Value - data.Slot.Value >= preset.MinAttestationInclusionDelay, rule,
            "attestation is included too early");
        var inclusionDelay = state.Slot.Value - data.Slot.Value;
        InvalidBlockException.Require(inclusionDelay <= preset.SlotsPerEpoch, rule, "attestation is included too late");

        var shuffling = context.Shuffling(targetEpoch);
        InvalidBlockException.Require(data.Index.Value < shuffling.CommitteesPerSlot, rule, $"committee index {data.Index} out of range");
        InvalidBlockException.Require(state.Groups.Contains(attestation.GroupIndex), rule, $"unknown group {attestation.GroupIndex}");
        InvalidBlockException.Require(shuffling.IsInCommittee(attestation.GroupIndex, data.Slot, data.Index), rule,
            $"group {attestation.GroupIndex} is not in committee {data.Index} of slot {data.Slot}");

        var group = state.Groups[attestation.GroupIndex];
        var whole = state.Config.Accounting == AccountingPolicy.Whole;
        var minSigners = whole ? GroupSignatures.Threshold(group) : 1;
        context.RequireGroupSignature(rule, group, targetEpoch, context.AttestationSigningRoot(data), attestation.Signature, minSigners);

        var flags = GetAttestationParticipationFlagIndices(state, data, inclusionDelay)
            ?? throw new InvalidBlockException(rule, "source is not the justified checkpoint");
        var index = (int)attestation.GroupIndex.Value;
        var current = targetEpoch == currentEpoch;
        var participation = current ? state.CurrentEpochParticipation : state.PreviousEpochParticipation;
        var memberParticipation = current ? state.CurrentEpochMemberParticipation : state.PreviousEpochMemberParticipation;
        var signers = attestation.Signature.ParticipationBits.Mask;
        var threshold = group.Threshold;
        ulong proposerRewardNumerator = 0;
        for (var flag = 0; flag < 3; flag++)
        {
            if (((flags >> flag) & 1) == 0)
            {
                continue;
            }

            bool earned;
            if (whole)
            {
                earned = true;
            }
            else
            {
                var word = ParticipationFlags.AddMembers(memberParticipation[index], flag, signers);
                memberParticipation[index] = word;
                earned = (ulong)BitOperations.PopCount(ParticipationFlags.MemberMask(word, flag)) >= threshold;
            }

            if (earned && !ParticipationFlags.Has(participation[index], flag))
            {
                participation[index] = ParticipationFlags.Add(participation[index], flag);
                proposerRewardNumerator += state.GetBaseReward(index) * ParticipationFlags.Weight(flag);
            }
        }

        const ulong denominator = (ParticipationFlags.WeightDenominator - ParticipationFlags.ProposerWeight)
            * ParticipationFlags.WeightDenominator / ParticipationFlags.ProposerWeight;
        state.IncreaseBalance((int)context.Proposer.Value, proposerRewardNumerator / denominator);
    }

    /// <summary>
    /// get_attestation_participation_flag_indices (Altair) as a bit set: target and head are credited when correct and
    /// timely. Null when the source is not the justified checkpoint, where the spec asserts (the block is invalid).
    /// </summary>
    /// <remarks>Public for proposers, which include only attestations that still earn a flag.</remarks>
    public static byte? GetAttestationParticipationFlagIndices(BeaconState state, AttestationData data, ulong inclusionDelay)
    {
        var preset = state.Preset;
        var justified = data.Target.Epoch == state.CurrentEpoch ? state.CurrentJustifiedCheckpoint : state.PreviousJustifiedCheckpoint;
        var matchingSource = data.Source == justified;
        if (!matchingSource)
        {
            return null;
        }

        var matchingTarget = data.Target.Root == state.GetBlockRoot(data.Target.Epoch);
        var matchingHead = matchingTarget && data.BeaconBlockRoot == state.GetBlockRootAtSlot(data.Slot);
        byte flags = 0;
        if (inclusionDelay <= BeaconState.IntegerSquareRoot(preset.SlotsPerEpoch))
        {
            flags = ParticipationFlags.Add(flags, ParticipationFlags.TimelySource);
        }

        if (matchingTarget && inclusionDelay <= preset.SlotsPerEpoch)
        {
            flags = ParticipationFlags.Add(flags, ParticipationFlags.TimelyTarget);
        }

        if (matchingHead && inclusionDelay == preset.MinAttestationInclusionDelay)
        {
            flags = ParticipationFlags.Add(flags, ParticipationFlags.TimelyHead);
        }

        return flags;
    }
}
