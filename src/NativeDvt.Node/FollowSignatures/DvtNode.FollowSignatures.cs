using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Events;
using NativeDvt.Node.Identities;
using NativeDvt.Node.Network;
using NativeDvt.Node.Proposals;
using NativeDvt.Ssz;

namespace NativeDvt.Node;

/// <remarks>
/// Follow signatures (protocol.md section 4): the proposer group's members co-sign a proposal they checked, and the
/// block is assembled from m signatures, by its leader at once or by any member a LEADER_TIMEOUT later.
/// </remarks>
public sealed partial class DvtNode
{
    private readonly HashSet<(Slot Slot, GroupIndex Group, int Member, Root Root)> _seenFollows = [];

    /// <summary>A follower checks the proposal (parent known, state transition valid) and co-signs if its protection allows.</summary>
    private void Follow(LocalIdentity me, ProposalRound round, GroupProposal proposal, Root root)
    {
        if (round.Signed is not null && !me.IsEquivocator)
        {
            return;
        }

        var block = proposal.Block;
        if (!_blocks.TryGetValue(block.ParentRoot, out var parent))
        {
            round.Invalid.Add(root);
            _events.Receive(new BlockRejected(me.Id, block.Slot, root, "proposal's parent is unknown", _now));
            return;
        }

        var (post, error) = ValidateProposal(root, block, parent);
        if (post is null)
        {
            round.Invalid.Add(root);
            _events.Receive(new BlockRejected(me.Id, block.Slot, root, "proposal: " + error, _now));
            return;
        }

        var signingRoot = Domains.ComputeSigningRoot(root, Domain(Domains.BeaconProposer, EpochOf(block.Slot)));
        var (signature, refusal) = me.Signer.SignBlock(block.Slot, signingRoot, me.IsEquivocator && round.Signed is not null);
        if (signature is null)
        {
            _events.Receive(new SigningRefused(me.Id, $"follow of slot {block.Slot}", refusal ?? "", _now));
            return;
        }

        round.Signed ??= root;
        _seenFollows.Add((block.Slot, block.ProposerIndex, me.Member, root));
        _events.Receive(new FollowSigned(me.Id, block.Slot, root, _now));
        var follow = new FollowSignature(block.Slot, block.ProposerIndex, MemberIndex.ToWire(me.Member), root, signature);
        Publish(Topics.FollowSignature, FollowSignature.Codec.Encode(follow));
        AddSignature(round, root, me.Member, signature);
    }

    private GossipVerdict OnFollowSignature(byte[] data)
    {
        var message = _states.Messages.Decode(data, FollowSignature.Codec, f => f.BlockRoot);
        var follow = message.Value;
        if (OutsideGossipRange(follow.Slot, 1))
        {
            return GossipVerdict.Ignore;
        }

        var group = GroupOf(follow.GroupIndex);
        if (group is null || !MemberIndex.TryRead(follow.MemberIndex, group, out var member))
        {
            return GossipVerdict.Reject;
        }

        if (!_seenFollows.Add((follow.Slot, follow.GroupIndex, member, follow.BlockRoot)))
        {
            return GossipVerdict.Ignore;
        }

        var epoch = EpochOf(follow.Slot);
        var signingRoot = Domains.ComputeSigningRoot(follow.BlockRoot, Domain(Domains.BeaconProposer, epoch));
        if (!message.VerifiedWith(group) && !_verifier.Verify(group.MemberPubkeyAt(member, epoch), signingRoot, follow.Signature))
        {
            return GossipVerdict.Reject;
        }

        message.MarkVerifiedWith(group);

        RecordBlockSignature(follow.Slot, follow.GroupIndex, member, follow.BlockRoot);
        if (_byGroup.ContainsKey(follow.GroupIndex))
        {
            AddSignature(RoundFor(follow.Slot, follow.GroupIndex), follow.BlockRoot, member, follow.Signature);
        }

        return GossipVerdict.Accept;
    }

    private void AddSignature(ProposalRound round, Root root, int member, Bytes signature)
    {
        if (!round.Signatures.TryGetValue(root, out var signatures))
        {
            round.Signatures[root] = signatures = [];
        }

        if (!signatures.TryAdd(member, signature))
        {
            return;
        }

        var group = GroupOf(round.Group);
        if (group is not null && signatures.Count == GroupSignatures.Threshold(group))
        {
            round.ThresholdAt[root] = _now;
        }

        TryAssemble(round, root, force: false);
    }

    /// <summary>With at least m signatures the block's leader (or, after a timeout, any member) assembles and gossips the block.</summary>
    private void TryAssemble(ProposalRound round, Root root, bool force)
    {
        if (round.Assembled.Contains(root) || !round.Proposals.TryGetValue(root, out var proposal) || _blocks.ContainsKey(root))
        {
            return;
        }

        var group = GroupOf(round.Group);
        if (group is null || !round.Signatures.TryGetValue(root, out var signatures) || signatures.Count < GroupSignatures.Threshold(group))
        {
            return;
        }

        // Only members of the group hold signatures; the leader assembles at once, the others after a timeout.
        var me = _byGroup[round.Group];
        if (!force && MemberIndex.FromChecked(proposal.LeaderIndex) != me.Member)
        {
            return;
        }

        round.Assembled.Add(root);
        var signed = new SignedBeaconBlock(proposal.Block, CombineSignatures(group.Size, signatures));
        var bytes = SignedBeaconBlock.CodecFor(_preset).Encode(signed);
        _events.Receive(new BlockAssembled(me.Id, round.Slot, root, signatures.Count, round.ThresholdAt.GetValueOrDefault(root, _now), _now));
        _states.Messages.Remember(bytes, signed, root);
        Publish(Topics.BeaconBlock, bytes);
        ImportBlock(root, signed, bytes);
    }
}
