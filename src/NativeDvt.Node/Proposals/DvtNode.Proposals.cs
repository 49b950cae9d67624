using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition;
using NativeDvt.Consensus.StateTransition.PerBlock;
using NativeDvt.Consensus.Types;
using NativeDvt.Crypto;
using NativeDvt.Node.Events;
using NativeDvt.Node.Identities;
using NativeDvt.Node.Network;
using NativeDvt.Node.Proposals;
using NativeDvt.Ssz;

namespace NativeDvt.Node;

public sealed partial class DvtNode
{
    private readonly Dictionary<Slot, ProposalRound> _rounds = [];
    private readonly HashSet<(Slot Slot, Root Root, ulong Member)> _seenProposals = [];
    private readonly HashSet<(Slot Slot, GroupIndex Group, ulong Member, Root Root)> _seenFollows = [];

    private ProposalRound RoundFor(Slot slot, GroupIndex group)
    {
        if (!_rounds.TryGetValue(slot, out var round) || round.Group != group)
        {
            _rounds[slot] = round = new ProposalRound(slot, group);
        }

        return round;
    }

    private void PruneRounds(Slot slot)
    {
        foreach (var old in _rounds.Keys.Where(s => s.Value + 2 < slot.Value).ToList())
        {
            _rounds.Remove(old);
        }

        _seenProposals.RemoveWhere(p => p.Slot.Value + 2 < slot.Value);
        _seenFollows.RemoveWhere(f => f.Slot.Value + 2 < slot.Value);
    }

    /// <summary>
    /// Leader/follow (protocol.md section 4): rank 0 proposes at t = 0; rank r at r x LEADER_TIMEOUT if no proposal
    /// of the group was seen (none it could sign). Under `race` see <see cref="RunRaceDuty"/>. Members also assemble a block whose leader
    /// did not, one LEADER_TIMEOUT after its m-th signature arrived.
    /// </summary>
    private void RunProposalDuty(Slot slot, int twelfths)
    {
        if (!_rounds.TryGetValue(slot, out var round) || !_byGroup.TryGetValue(round.Group, out var me) || round.Ranking is null)
        {
            return;
        }

        if (IsRace)
        {
            RunRaceDuty(me, round, twelfths);
        }
        else
        {
            // A proposal this member cannot sign (invalid, or on a parent it does not hold) does not hold its rank back.
            var quiet = round.MyRank == 0 || (round.Proposals.Keys.All(round.Invalid.Contains) && !HasBlockOfSlot(slot, round.Group));
            if (!round.ProposedByMe && twelfths >= round.MyRank && quiet && twelfths < 4 && (round.Signed is null || me.IsEquivocator))
            {
                Propose(me, round);
            }
        }

        foreach (var (root, at) in round.ThresholdAt)
        {
            if (_now >= at + _twelfth && !_blocks.ContainsKey(root))
            {
                TryAssemble(round, root, force: true);
            }
        }
    }

    private bool HasBlockOfSlot(Slot slot, GroupIndex group) =>
        _blocks.Values.Any(b => b.Slot == slot && b.Block?.Message.ProposerIndex == group);

    private void Propose(LocalIdentity me, ProposalRound round)
    {
        round.ProposedByMe = true;
        var headBlock = _blocks[InclusionListHead(Head)];
        var slot = round.Slot;
        if (slot <= headBlock.Slot)
        {
            return;
        }

        var pre = _states.Advanced(headBlock, slot);
        if (_states.Proposer(headBlock, slot) != me.Group || pre.Groups[me.Group].Slashed)
        {
            return;
        }

        var epoch = EpochOf(slot);
        var (reveal, refused) = me.Signer.SignUnprotected(Domains.ComputeSigningRoot(Hashing.Chunk(epoch.Value), Domain(Domains.Randao, epoch)));
        if (reveal is null)
        {
            _events.Receive(new SigningRefused(me.Id, $"randao reveal of slot {slot}", refused ?? "", _now));
            return;
        }

        var proposerSlashings = SelectProposerSlashings(pre);
        var body = new BeaconBlockBody
        {
            RandaoReveal = reveal,
            RandaoMemberIndex = (ulong)me.Member,
            Graffiti = me.Graffiti,
            Attestations = SelectAttestations(pre),
            Transactions = PayloadFor(me, slot),
            ProposerSlashings = proposerSlashings,
            AttesterSlashings = SelectAttesterSlashings(pre, [.. proposerSlashings.Select(s => s.SignedHeader1.Message.ProposerIndex)]),
            KeyRotations = SelectKeyRotations(pre),
        };
        var block = Build(me, pre, new BeaconBlock(slot, me.Group, headBlock.Root, Root.Zero, body))
            ?? Build(me, pre, new BeaconBlock(slot, me.Group, headBlock.Root, Root.Zero, new BeaconBlockBody { RandaoReveal = reveal, RandaoMemberIndex = (ulong)me.Member }));
        if (block is null)
        {
            return;
        }

        SignAndPropose(me, round, block, bypass: false);
        if (me.IsEquivocator)
        {
            var twin = Build(me, pre, block with { StateRoot = Root.Zero, Body = block.Body with { Graffiti = Hashing.Hash(block.Body.Graffiti, 1) } });
            if (twin is not null)
            {
                SignAndPropose(me, round, twin, bypass: true);
            }
        }
    }

    private BeaconBlock? Build(LocalIdentity me, BeaconState pre, BeaconBlock block)
    {
        var post = pre.Copy();
        var error = PerBlockProcessing.ProcessBlock(post, block, _verifier, SignatureChecks.Skip);
        if (error is not null)
        {
            _events.Receive(new BlockRejected(me.Id, block.Slot, Root.Zero, "own block: " + error, _now));
            return null;
        }

        return block with { StateRoot = ComputedStateRoot(post, block.Slot) };
    }

    private void SignAndPropose(LocalIdentity me, ProposalRound round, BeaconBlock block, bool bypass)
    {
        var root = SszRoots.Of(block, _preset);
        var signingRoot = ProposalSigningRoot(root, block.Slot);
        var (signature, refusal) = IsRace ? me.Signer.SignUnprotected(signingRoot) : me.Signer.SignBlock(block.Slot, signingRoot, bypass);
        if (signature is null)
        {
            _events.Receive(new SigningRefused(me.Id, $"block of slot {block.Slot}", refusal ?? "", _now));
            return;
        }

        var proposal = new GroupProposal(block, (ulong)me.Member, signature);
        round.Proposals[root] = proposal;
        _seenProposals.Add((block.Slot, root, (ulong)me.Member));
        _events.Receive(new BlockProposed(me.Id, block.Slot, Math.Max(0, round.MyRank), root, _now));
        // A solo's proposal is complete at once: nobody co-signs it, so only its block is gossiped, as in Ethereum.
        if (GroupOf(round.Group) is not { Size: 1 })
        {
            var bytes = GroupProposal.CodecFor(_preset).Encode(proposal);
            _states.Messages.Remember(bytes, proposal, root);
            Publish(Topics.GroupProposal, bytes);
        }

        if (!IsRace)
        {
            round.Signed ??= root;
            AddSignature(round, root, me.Member, signature);
        }
    }

    private GossipVerdict OnGroupProposal(byte[] data)
    {
        var message = _states.Messages.Decode(data, GroupProposal.CodecFor(_preset), p => SszRoots.Of(p.Block, _preset));
        var proposal = message.Value;
        var block = proposal.Block;
        if (block.Slot > CurrentSlot || block.Slot.Value + 1 < CurrentSlot.Value)
        {
            return GossipVerdict.Ignore;
        }

        var group = GroupOf(block.ProposerIndex);
        if (group is null || proposal.LeaderIndex >= (ulong)group.Size)
        {
            return GossipVerdict.Reject;
        }

        var root = message.Root;
        if (!_seenProposals.Add((block.Slot, root, proposal.LeaderIndex)))
        {
            return GossipVerdict.Ignore;
        }

        var epoch = EpochOf(block.Slot);
        var signingRoot = ProposalSigningRoot(root, block.Slot);
        if (!message.VerifiedWith(group) && !_verifier.Verify(group.MemberPubkeyAt((int)proposal.LeaderIndex, epoch), signingRoot, proposal.LeaderSignature))
        {
            return GossipVerdict.Reject;
        }

        message.MarkVerifiedWith(group);

        // Under race a proposal is not a block signature: members vote with follow signatures only.
        if (!IsRace)
        {
            RecordBlockSignature(block.Slot, block.ProposerIndex, (int)proposal.LeaderIndex, root);
        }

        if (!_byGroup.TryGetValue(block.ProposerIndex, out var me))
        {
            return GossipVerdict.Accept;
        }

        var round = RoundFor(block.Slot, block.ProposerIndex);
        round.Proposals.TryAdd(root, proposal);
        if (IsRace)
        {
            return GossipVerdict.Accept;
        }

        AddSignature(round, root, (int)proposal.LeaderIndex, proposal.LeaderSignature);
        if ((int)proposal.LeaderIndex != me.Member)
        {
            Follow(me, round, proposal, root);
        }

        return GossipVerdict.Accept;
    }

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
        _seenFollows.Add((block.Slot, block.ProposerIndex, (ulong)me.Member, root));
        _events.Receive(new FollowSigned(me.Id, block.Slot, root, _now));
        var follow = new FollowSignature(block.Slot, block.ProposerIndex, (ulong)me.Member, root, signature);
        Publish(Topics.FollowSignature, FollowSignature.Codec.Encode(follow));
        AddSignature(round, root, me.Member, signature);
    }

    private GossipVerdict OnFollowSignature(byte[] data)
    {
        var message = _states.Messages.Decode(data, FollowSignature.Codec, f => f.BlockRoot);
        var follow = message.Value;
        if (follow.Slot > CurrentSlot || follow.Slot.Value + 1 < CurrentSlot.Value)
        {
            return GossipVerdict.Ignore;
        }

        var group = GroupOf(follow.GroupIndex);
        if (group is null || follow.MemberIndex >= (ulong)group.Size)
        {
            return GossipVerdict.Reject;
        }

        if (!_seenFollows.Add((follow.Slot, follow.GroupIndex, follow.MemberIndex, follow.BlockRoot)))
        {
            return GossipVerdict.Ignore;
        }

        var epoch = EpochOf(follow.Slot);
        var signingRoot = Domains.ComputeSigningRoot(follow.BlockRoot, Domain(Domains.BeaconProposer, epoch));
        if (!message.VerifiedWith(group) && !_verifier.Verify(group.MemberPubkeyAt((int)follow.MemberIndex, epoch), signingRoot, follow.Signature))
        {
            return GossipVerdict.Reject;
        }

        message.MarkVerifiedWith(group);

        RecordBlockSignature(follow.Slot, follow.GroupIndex, (int)follow.MemberIndex, follow.BlockRoot);
        if (_byGroup.ContainsKey(follow.GroupIndex))
        {
            AddSignature(RoundFor(follow.Slot, follow.GroupIndex), follow.BlockRoot, (int)follow.MemberIndex, follow.Signature);
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
        if (!force && (int)proposal.LeaderIndex != me.Member)
        {
            return;
        }

        round.Assembled.Add(root);
        var bits = MemberBits.Of(group.Size, signatures.Keys);
        IReadOnlyList<Bytes> parts = _options.Scheme is IAggregatableScheme aggregatable
            ? [Bytes.Wrap(aggregatable.Aggregate([.. signatures.Values.Select(s => s.ToArray())]))]
            : [.. signatures.Values];
        var signed = new SignedBeaconBlock(proposal.Block, new GroupSignature(bits, parts));
        var bytes = SignedBeaconBlock.CodecFor(_preset).Encode(signed);
        _events.Receive(new BlockAssembled(me.Id, round.Slot, root, signatures.Count, round.ThresholdAt.GetValueOrDefault(root, _now), _now));
        _states.Messages.Remember(bytes, signed, root);
        Publish(Topics.BeaconBlock, bytes);
        ImportBlock(root, signed, bytes);
    }
}
