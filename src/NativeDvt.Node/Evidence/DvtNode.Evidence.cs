using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition.PerBlock;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Events;
using NativeDvt.Node.Evidence;
using NativeDvt.Node.Network;
using NativeDvt.Ssz;

namespace NativeDvt.Node;

public sealed partial class DvtNode
{
    private readonly Dictionary<(Slot Slot, GroupIndex Group, int Member), Root> _blockSignatures = [];
    private VoteEvidence? _votes;
    private readonly Dictionary<(Slot Slot, GroupIndex Group), (Root Root, SignedBeaconBlock Block)> _completeBlocks = [];
    private readonly Dictionary<GroupIndex, GroupProposerSlashing> _proposerSlashings = [];
    private readonly Dictionary<GroupIndex, GroupAttesterSlashing> _attesterSlashings = [];

    /// <summary>A member that signs two different blocks for one slot equivocates (not slashable below m).</summary>
    private void RecordBlockSignature(Slot slot, GroupIndex group, int member, Root root)
    {
        if (!_blockSignatures.TryAdd((slot, group, member), root) && _blockSignatures[(slot, group, member)] != root)
        {
            _events.Receive(new MemberEquivocation(Identity, new MemberId(group, member), "double proposal", slot, _now));
        }
    }

    /// <summary>A member that signs two different votes for one target epoch equivocates (not slashable below m).</summary>
    private void RecordVote(GroupIndex group, int member, AttestationData data, Root dataRoot)
    {
        _votes ??= new VoteEvidence(_options.Genesis.Groups);
        if (!_votes.Record(group, member, data.Target.Epoch, dataRoot))
        {
            _events.Receive(new MemberEquivocation(Identity, new MemberId(group, member), "double vote", data.Slot, _now));
        }
    }

    /// <summary>
    /// Two complete blocks of one group for one slot are double-proposal evidence (each carries at least m signatures).
    /// Headers (whose body root hashes every attestation) are only built when a second block shows up.
    /// </summary>
    private void RecordCompleteBlock(Root root, SignedBeaconBlock signed)
    {
        var block = signed.Message;
        if (_completeBlocks.TryAdd((block.Slot, block.ProposerIndex), (root, signed)))
        {
            return;
        }

        var first = _completeBlocks[(block.Slot, block.ProposerIndex)];
        if (first.Root != root && !_proposerSlashings.ContainsKey(block.ProposerIndex))
        {
            var slashing = new GroupProposerSlashing(HeaderOf(first.Block), HeaderOf(signed));
            _proposerSlashings[block.ProposerIndex] = slashing;
            _events.Receive(new GroupSlashingBuilt(Identity, new GroupSlashingEvidence(block.ProposerIndex, "double proposal",
                new SlashingSide(first.Block.Message.Slot, first.Root, [.. first.Block.Signature.ParticipationBits.Indices()]),
                new SlashingSide(block.Slot, root, [.. signed.Signature.ParticipationBits.Indices()])), _now));
            Publish(Topics.ProposerSlashing, GroupProposerSlashing.Codec.Encode(slashing));
        }
    }

    private SignedBeaconBlockHeader HeaderOf(SignedBeaconBlock signed)
    {
        var block = signed.Message;
        return new SignedBeaconBlockHeader(
            new BeaconBlockHeader(block.Slot, block.ProposerIndex, block.ParentRoot, block.StateRoot, SszRoots.Of(block.Body, _preset)),
            signed.Signature);
    }

    private void BuildAttesterSlashing(GroupAttestation first, GroupAttestation second)
    {
        if (_attesterSlashings.ContainsKey(first.GroupIndex) || !PerBlockProcessing.IsSlashableAttestationData(first.Data, second.Data))
        {
            return;
        }

        var slashing = new GroupAttesterSlashing(first, second);
        _attesterSlashings[first.GroupIndex] = slashing;
        _events.Receive(new GroupSlashingBuilt(Identity, new GroupSlashingEvidence(first.GroupIndex, "double vote",
            new SlashingSide(first.Data.Slot, SszRoots.Of(first.Data), [.. first.Signature.ParticipationBits.Indices()]),
            new SlashingSide(second.Data.Slot, SszRoots.Of(second.Data), [.. second.Signature.ParticipationBits.Indices()])), _now));
        Publish(Topics.AttesterSlashing, GroupAttesterSlashing.Codec.Encode(slashing));
    }

    private void OnSlashingsIncluded(BeaconBlock block)
    {
        foreach (var slashing in block.Body.ProposerSlashings)
        {
            var group = slashing.SignedHeader1.Message.ProposerIndex;
            _proposerSlashings.Remove(group);
            _forkChoice.OnGroupEquivocation(group);
            _events.Receive(new GroupSlashingIncluded(Identity, group, block.Slot, _now));
        }

        foreach (var slashing in block.Body.AttesterSlashings)
        {
            var group = slashing.Attestation1.GroupIndex;
            _attesterSlashings.Remove(group);
            _forkChoice.OnGroupEquivocation(group);
            _events.Receive(new GroupSlashingIncluded(Identity, group, block.Slot, _now));
        }
    }

    private GossipVerdict OnProposerSlashingGossip(byte[] data)
    {
        var slashing = Decode(GroupProposerSlashing.Codec, data);
        var (h1, h2) = (slashing.SignedHeader1, slashing.SignedHeader2);
        var groupIndex = h1.Message.ProposerIndex;
        if (_proposerSlashings.ContainsKey(groupIndex))
        {
            return GossipVerdict.Ignore;
        }

        var group = GroupOf(groupIndex);
        if (group is null || h1.Message.Slot != h2.Message.Slot || h2.Message.ProposerIndex != groupIndex || h1.Message == h2.Message
            || !SignedByGroup(group, h1.Message.Slot, SszRoots.Of(h1.Message), h1.Signature)
            || !SignedByGroup(group, h2.Message.Slot, SszRoots.Of(h2.Message), h2.Signature))
        {
            return GossipVerdict.Reject;
        }

        _proposerSlashings[groupIndex] = slashing;
        return GossipVerdict.Accept;
    }

    private GossipVerdict OnAttesterSlashingGossip(byte[] data)
    {
        var slashing = Decode(GroupAttesterSlashing.Codec, data);
        var (a1, a2) = (slashing.Attestation1, slashing.Attestation2);
        if (_attesterSlashings.ContainsKey(a1.GroupIndex))
        {
            return GossipVerdict.Ignore;
        }

        var group = GroupOf(a1.GroupIndex);
        if (group is null || a2.GroupIndex != a1.GroupIndex || !PerBlockProcessing.IsSlashableAttestationData(a1.Data, a2.Data))
        {
            return GossipVerdict.Reject;
        }

        var m = GroupSignatures.Threshold(group);
        foreach (var side in new[] { a1, a2 })
        {
            var signingRoot = Domains.ComputeSigningRoot(SszRoots.Of(side.Data), Domain(Domains.BeaconAttester, side.Data.Target.Epoch));
            if (GroupSignatures.Check(_verifier, group, side.Data.Target.Epoch, signingRoot, side.Signature, m) is not null)
            {
                return GossipVerdict.Reject;
            }
        }

        _attesterSlashings[a1.GroupIndex] = slashing;
        return GossipVerdict.Accept;
    }

    private bool SignedByGroup(Group group, Slot slot, Root headerRoot, GroupSignature signature)
    {
        var epoch = EpochOf(slot);
        var signingRoot = Domains.ComputeSigningRoot(headerRoot, Domain(Domains.BeaconProposer, epoch));
        return GroupSignatures.Check(_verifier, group, epoch, signingRoot, signature, GroupSignatures.Threshold(group)) is null;
    }

    private List<GroupProposerSlashing> SelectProposerSlashings(BeaconState pre) =>
        [.. _proposerSlashings.Values
            .Where(s => pre.Groups.Contains(s.SignedHeader1.Message.ProposerIndex) && pre.Groups[s.SignedHeader1.Message.ProposerIndex].IsSlashable(pre.CurrentEpoch))
            .Take((int)_preset.MaxProposerSlashings)];

    /// <summary>Attester slashings of groups still slashable, except those a proposer slashing of the same block already slashes.</summary>
    private List<GroupAttesterSlashing> SelectAttesterSlashings(BeaconState pre, HashSet<GroupIndex> slashedInBlock) =>
        [.. _attesterSlashings.Values
            .Where(s => !slashedInBlock.Contains(s.Attestation1.GroupIndex))
            .Where(s => pre.Groups.Contains(s.Attestation1.GroupIndex) && pre.Groups[s.Attestation1.GroupIndex].IsSlashable(pre.CurrentEpoch))
            .Take((int)_preset.MaxAttesterSlashings)];

    /// <summary>Forgets signatures older than <paramref name="horizon"/>: only double proposals and double votes within an epoch are looked for.</summary>
    private void PruneEvidence(Slot horizon)
    {
        var epoch = EpochOf(horizon);
        foreach (var key in _blockSignatures.Keys.Where(k => k.Slot < horizon).ToList())
        {
            _blockSignatures.Remove(key);
        }

        foreach (var key in _completeBlocks.Keys.Where(k => k.Slot < horizon).ToList())
        {
            _completeBlocks.Remove(key);
        }

        _votes?.PruneBefore(epoch);
        PruneCrossForkVotes(epoch);
    }
}
