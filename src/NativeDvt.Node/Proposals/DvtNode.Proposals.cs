using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition;
using NativeDvt.Consensus.StateTransition.PerBlock;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Events;
using NativeDvt.Node.Identities;
using NativeDvt.Node.Network;
using NativeDvt.Node.Proposals;
using NativeDvt.Node.Timing;
using NativeDvt.Ssz;

namespace NativeDvt.Node;

public sealed partial class DvtNode
{
    private readonly Dictionary<Slot, ProposalRound> _rounds = [];
    private readonly HashSet<(Slot Slot, Root Root, int Member)> _seenProposals = [];

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
            if (!round.ProposedByMe && twelfths >= round.MyRank && quiet && twelfths < SlotPhase.Attestation && (round.Signed is null || me.IsEquivocator))
            {
                Propose(me, round);
            }
        }

        foreach (var (root, at) in round.ThresholdAt)
        {
            if (_now >= at + _timing.LeaderTimeout && !_blocks.ContainsKey(root))
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
            RandaoMemberIndex = MemberIndex.ToWire(me.Member),
            Graffiti = me.Graffiti,
            Attestations = _groupAttestations.Select(pre),
            Transactions = PayloadFor(me, slot),
            ProposerSlashings = proposerSlashings,
            AttesterSlashings = SelectAttesterSlashings(pre, [.. proposerSlashings.Select(s => s.SignedHeader1.Message.ProposerIndex)]),
            KeyRotations = SelectKeyRotations(pre),
        };
        var block = Build(me, pre, new BeaconBlock(slot, me.Group, headBlock.Root, Root.Zero, body))
            ?? Build(me, pre, new BeaconBlock(slot, me.Group, headBlock.Root, Root.Zero, new BeaconBlockBody { RandaoReveal = reveal, RandaoMemberIndex = MemberIndex.ToWire(me.Member) }));
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

        var proposal = new GroupProposal(block, MemberIndex.ToWire(me.Member), signature);
        round.Proposals[root] = proposal;
        _seenProposals.Add((block.Slot, root, me.Member));
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
        if (OutsideGossipRange(block.Slot, 1))
        {
            return GossipVerdict.Ignore;
        }

        var group = GroupOf(block.ProposerIndex);
        if (group is null || !MemberIndex.TryRead(proposal.LeaderIndex, group, out var leader))
        {
            return GossipVerdict.Reject;
        }

        var root = message.Root;
        if (!_seenProposals.Add((block.Slot, root, leader)))
        {
            return GossipVerdict.Ignore;
        }

        var epoch = EpochOf(block.Slot);
        var signingRoot = ProposalSigningRoot(root, block.Slot);
        if (!message.VerifiedWith(group) && !_verifier.Verify(group.MemberPubkeyAt(leader, epoch), signingRoot, proposal.LeaderSignature))
        {
            return GossipVerdict.Reject;
        }

        message.MarkVerifiedWith(group);

        // Under race a proposal is not a block signature: members vote with follow signatures only.
        if (!IsRace)
        {
            RecordBlockSignature(block.Slot, block.ProposerIndex, leader, root);
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

        AddSignature(round, root, leader, proposal.LeaderSignature);
        if (leader != me.Member)
        {
            Follow(me, round, proposal, root);
        }

        return GossipVerdict.Accept;
    }
}
