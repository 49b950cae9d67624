using NativeDvt.Consensus.ForkChoice;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Aggregation;
using NativeDvt.Node.Identities;
using NativeDvt.Node.Network;

namespace NativeDvt.Node;

/// <remarks>
/// Members' votes as they arrive on the group subnets (and from the node's own identities): checked, fed to fork choice
/// and to the equivocation evidence, and tallied for the group's aggregators.
/// </remarks>
public sealed partial class DvtNode
{
    private readonly Dictionary<Slot, HashSet<(GroupIndex Group, int Member, Root Data)>> _seenMemberVotes = [];

    private GossipVerdict OnMemberAttestation(byte[] bytes)
    {
        var message = _states.Messages.Decode(bytes, MemberAttestation.Codec, v => SszRoots.Of(v.Data));
        var vote = message.Value;
        var data = vote.Data;
        if (OutsideGossipRange(data.Slot, _preset.SlotsPerEpoch))
        {
            return GossipVerdict.Ignore;
        }

        var group = GroupOf(vote.GroupIndex);
        if (group is null || !MemberIndex.TryRead(vote.MemberIndex, group, out var member) || data.Target.Epoch != EpochOf(data.Slot))
        {
            return GossipVerdict.Reject;
        }

        var dataRoot = message.Root;
        if (!_seenMemberVotes.TryGetValue(data.Slot, out var seen))
        {
            seen = [];
            _seenMemberVotes[data.Slot] = seen;
        }

        if (!seen.Add((vote.GroupIndex, member, dataRoot)))
        {
            return GossipVerdict.Ignore;
        }

        switch (message.InCommittee && _blocks.ContainsKey(data.Target.Root) ? true : InCommittee(vote.GroupIndex, data))
        {
            case null:
                return GossipVerdict.Ignore;
            case false:
                return GossipVerdict.Reject;
        }

        if (!message.InCommittee)
        {
            message.InCommittee = true;
        }

        // The signing root is only needed by the first receiver with these keys: later ones reuse the shared verdict.
        if (!message.VerifiedWith(group)
            && !_verifier.Verify(group.MemberPubkeyAt(member, data.Target.Epoch), Domains.ComputeSigningRoot(dataRoot, Domain(Domains.BeaconAttester, data.Target.Epoch)), vote.Signature))
        {
            return GossipVerdict.Reject;
        }

        message.MarkVerifiedWith(group);

        TakeMemberVote(vote, member, dataRoot);
        return GossipVerdict.Accept;
    }

    private void TakeMemberVote(MemberAttestation vote, int member, Root dataRoot)
    {
        var data = vote.Data;
        RecordVote(vote.GroupIndex, member, data, dataRoot);
        _forkChoice.OnAttestation(new MemberVote(vote.GroupIndex, member, data.Target.Epoch, data.BeaconBlockRoot));
        if (!_byGroup.TryGetValue(vote.GroupIndex, out var me))
        {
            return;
        }

        if (!me.Tallies.TryGetValue(data.Slot, out var bySlot))
        {
            me.Tallies[data.Slot] = bySlot = [];
        }

        if (!bySlot.TryGetValue(dataRoot, out var tally))
        {
            bySlot[dataRoot] = tally = new VoteTally(data);
        }

        tally.Signatures.TryAdd(member, vote.Signature);
    }

    /// <summary>
    /// Whether the group sits in the committee the data names, by the shuffling of the voted target's chain (votes on
    /// another fork use that fork's committees). Null when the target block is unknown: the vote cannot be judged yet.
    /// </summary>
    private bool? InCommittee(GroupIndex group, AttestationData data)
    {
        if (!_blocks.TryGetValue(data.Target.Root, out var target))
        {
            return null;
        }

        var epoch = data.Target.Epoch;
        var state = _states.Advanced(target, ChainTime.StartSlot(_preset, epoch));
        if (epoch > state.CurrentEpoch + 1 || epoch < state.PreviousEpoch)
        {
            return null;
        }

        var shuffling = state.GetShuffling(epoch);
        return data.Index.Value < shuffling.CommitteesPerSlot && shuffling.IsInCommittee(group, data.Slot, data.Index);
    }
}
