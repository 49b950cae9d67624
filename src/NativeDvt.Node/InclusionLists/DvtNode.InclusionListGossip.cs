using NativeDvt.Consensus.InclusionLists;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Events;
using NativeDvt.Node.Identities;
using NativeDvt.Node.InclusionLists;
using NativeDvt.Node.Network;

namespace NativeDvt.Node;

/// <remarks>Gossip validation of the inclusion-list topics (docs/inclusion-lists.md, "Gossip").</remarks>
public sealed partial class DvtNode
{
    private GossipVerdict OnInclusionListProposal(byte[] data)
    {
        var message = _states.Messages.Decode(data, InclusionListProposal.Codec, p => InclusionListRules.RootOf(p.Message));
        var proposal = message.Value;
        var list = proposal.Message;
        if (!InclusionListsOn || !InIlWindow(list.Slot))
        {
            return GossipVerdict.Ignore;
        }

        var group = GroupOf(list.GroupIndex);
        if (group is null || !MemberIndex.TryRead(proposal.LeaderIndex, group, out var leader))
        {
            return GossipVerdict.Reject;
        }

        if (CheckListAgainstCommittee(list) is { } verdict)
        {
            return verdict;
        }

        var root = message.Root;
        if (!_seenIlProposals.Add((list.Slot, root, leader)))
        {
            return GossipVerdict.Ignore;
        }

        if (!message.VerifiedWith(group) && !_verifier.Verify(group.MemberPubkeyAt(leader, EpochOf(list.Slot)), IlSigningRoot(list.Slot, root), proposal.LeaderSignature))
        {
            return GossipVerdict.Reject;
        }

        message.MarkVerifiedWith(group);
        if (_ilRounds.TryGetValue((list.Slot, list.GroupIndex), out var round))
        {
            round.Proposals.TryAdd(root, proposal);
            AddInclusionListSignature(round, root, leader, proposal.LeaderSignature);
            if (leader != round.Me.Member)
            {
                FollowInclusionList(round, root);
            }
        }

        return GossipVerdict.Accept;
    }

    private GossipVerdict OnInclusionListFollow(byte[] data)
    {
        var message = _states.Messages.Decode(data, InclusionListFollow.Codec, f => f.InclusionListRoot);
        var follow = message.Value;
        if (!InclusionListsOn || !InIlWindow(follow.Slot))
        {
            return GossipVerdict.Ignore;
        }

        var group = GroupOf(follow.GroupIndex);
        if (group is null || !MemberIndex.TryRead(follow.MemberIndex, group, out var member))
        {
            return GossipVerdict.Reject;
        }

        if (IlCommittee(follow.Slot)?.Contains(follow.GroupIndex) != true || !_seenIlFollows.Add((follow.Slot, follow.GroupIndex, member, follow.InclusionListRoot)))
        {
            return GossipVerdict.Ignore;
        }

        if (!message.VerifiedWith(group) && !_verifier.Verify(group.MemberPubkeyAt(member, EpochOf(follow.Slot)), IlSigningRoot(follow.Slot, follow.InclusionListRoot), follow.Signature))
        {
            return GossipVerdict.Reject;
        }

        message.MarkVerifiedWith(group);
        if (_ilRounds.TryGetValue((follow.Slot, follow.GroupIndex), out var round))
        {
            AddInclusionListSignature(round, follow.InclusionListRoot, member, follow.Signature);
        }

        return GossipVerdict.Accept;
    }

    private GossipVerdict OnInclusionList(byte[] data)
    {
        var message = _states.Messages.Decode(data, SignedInclusionList.Codec, s => InclusionListRules.RootOf(s.Message));
        var list = message.Value.Message;
        if (!InclusionListsOn || !InIlWindow(list.Slot))
        {
            return GossipVerdict.Ignore;
        }

        if (GroupOf(list.GroupIndex) is not { } group)
        {
            return GossipVerdict.Reject;
        }

        if (CheckListAgainstCommittee(list) is { } verdict)
        {
            return verdict;
        }

        if (!message.VerifiedWith(group))
        {
            if (InclusionListRules.CheckSigned(_slotState, message.Value, IlCommittee(list.Slot)!.Positions, _verifier) is not null)
            {
                return GossipVerdict.Reject;
            }

            message.MarkVerifiedWith(group);
        }

        return TakeInclusionList(message.Value, message.Root);
    }

    /// <summary>Ignore when the list's group or committee root is not this view's committee (another fork's), reject when malformed.</summary>
    private GossipVerdict? CheckListAgainstCommittee(InclusionList list)
    {
        var committee = IlCommittee(list.Slot);
        if (committee is null || !committee.Contains(list.GroupIndex) || list.InclusionListCommitteeRoot != committee.Root)
        {
            return GossipVerdict.Ignore;
        }

        return InclusionListRules.CheckMessage(_slotState, list, committee.Positions) is null ? null : GossipVerdict.Reject;
    }

    /// <summary>Keeps the group's first complete list of the slot; a second, different one marks the group as equivocating (EIP-7805: its lists stop binding).</summary>
    private GossipVerdict TakeInclusionList(SignedInclusionList signed, Root root)
    {
        var outcome = _inclusionLists.Take(signed, root, _now);
        if (outcome == InclusionListBook.Outcome.Known)
        {
            return GossipVerdict.Ignore;
        }

        if (outcome == InclusionListBook.Outcome.Held)
        {
            var list = signed.Message;
            _events.Receive(new InclusionListImported(Identity, list.Slot, list.GroupIndex, root, _now <= Freeze(list.Slot), _now));
        }

        return GossipVerdict.Accept;
    }

    private bool HoldsInclusionList(Slot slot, GroupIndex group) => _inclusionLists.Holds(slot, group);
}
