using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.StateTransition.PerBlock;

public static partial class PerBlockProcessing
{
    /// <summary>
    /// process_proposer_slashing for a group: two different headers for one slot, each signed by at least m members
    /// (with the keys in force at that slot, so a rotated-out key stays slashable while its change is kept).
    /// </summary>
    internal static void ProcessProposerSlashing(BlockContext context, GroupProposerSlashing slashing)
    {
        const BlockRule rule = BlockRule.ProcessProposerSlashing;
        var state = context.State;
        var header1 = slashing.SignedHeader1.Message;
        var header2 = slashing.SignedHeader2.Message;
        InvalidBlockException.Require(header1.Slot == header2.Slot, rule, "headers are for different slots");
        InvalidBlockException.Require(header1.ProposerIndex == header2.ProposerIndex, rule, "headers are by different groups");
        InvalidBlockException.Require(header1 != header2, rule, "headers are identical");
        InvalidBlockException.Require(state.Groups.Contains(header1.ProposerIndex), rule, $"unknown group {header1.ProposerIndex}");
        var group = state.Groups[header1.ProposerIndex];
        InvalidBlockException.Require(group.IsSlashable(state.CurrentEpoch), rule, "group is not slashable");
        var epoch = ChainTime.EpochAtSlot(state.Preset, header1.Slot);
        var domain = context.Domain(Domains.BeaconProposer, epoch);
        var threshold = GroupSignatures.Threshold(group);
        foreach (var signed in new[] { slashing.SignedHeader1, slashing.SignedHeader2 })
        {
            var signingRoot = Domains.ComputeSigningRoot(SszRoots.Of(signed.Message), domain);
            context.RequireGroupSignature(rule, group, epoch, signingRoot, signed.Signature, threshold);
        }

        state.SlashGroup((int)header1.ProposerIndex.Value);
    }

    /// <summary>
    /// process_attester_slashing for a group: two attestations of the same group with slashable data
    /// (double or surround vote), each signed by at least m members.
    /// </summary>
    internal static void ProcessAttesterSlashing(BlockContext context, GroupAttesterSlashing slashing)
    {
        const BlockRule rule = BlockRule.ProcessAttesterSlashing;
        var state = context.State;
        var attestation1 = slashing.Attestation1;
        var attestation2 = slashing.Attestation2;
        InvalidBlockException.Require(attestation1.GroupIndex == attestation2.GroupIndex, rule, "attestations are by different groups");
        InvalidBlockException.Require(IsSlashableAttestationData(attestation1.Data, attestation2.Data), rule, "data is neither a double nor a surround vote");
        InvalidBlockException.Require(state.Groups.Contains(attestation1.GroupIndex), rule, $"unknown group {attestation1.GroupIndex}");
        var group = state.Groups[attestation1.GroupIndex];
        InvalidBlockException.Require(group.IsSlashable(state.CurrentEpoch), rule, "group is not slashable");
        var threshold = GroupSignatures.Threshold(group);
        foreach (var attestation in new[] { attestation1, attestation2 })
        {
            var epoch = attestation.Data.Target.Epoch;
            var signingRoot = Domains.ComputeSigningRoot(SszRoots.Of(attestation.Data), context.Domain(Domains.BeaconAttester, epoch));
            context.RequireGroupSignature(rule, group, epoch, signingRoot, attestation.Signature, threshold);
        }

        state.SlashGroup((int)attestation1.GroupIndex.Value);
    }

    /// <summary>is_slashable_attestation_data: a double vote (same target epoch, different data) or a surround vote.</summary>
    public static bool IsSlashableAttestationData(AttestationData data1, AttestationData data2) =>
        (data1 != data2 && data1.Target.Epoch == data2.Target.Epoch)
        || (data1.Source.Epoch < data2.Source.Epoch && data2.Target.Epoch < data1.Target.Epoch);
}
