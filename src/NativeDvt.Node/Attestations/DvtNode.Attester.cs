using NativeDvt.Consensus.Duties;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Events;
using NativeDvt.Node.Identities;
using NativeDvt.Node.Profiles;
using NativeDvt.Ssz;

namespace NativeDvt.Node;

/// <remarks>
/// The attester duty (protocol.md section 5): each identity votes once for its group's duty slot, on its own head, and
/// publishes the vote on its group's subnet.
/// </remarks>
public sealed partial class DvtNode
{
    private readonly Dictionary<AttestationData, (Root DataRoot, Root SigningRoot)> _voteRoots = [];

    /// <summary>Attests once for the duty slot: at 1/3 of the slot or when the slot's block arrives, whichever is first.</summary>
    private void RunAttesterDuty(LocalIdentity me, Slot slot)
    {
        if (me.AttesterDuty is not { } duty || duty.Slot != slot || !me.Attested.Add(slot))
        {
            return;
        }

        var headRoot = VotedHead(me);
        var headBlock = _blocks[headRoot];
        var state = _states.Advanced(headBlock, slot);
        var epoch = EpochOf(slot);
        if (GroupDuties.AttesterDuty(state, epoch, me.Group) is not { } onHead || onHead.Slot != slot)
        {
            return;
        }

        duty = onHead;
        var epochStart = ChainTime.StartSlot(_preset, epoch);
        var targetRoot = headBlock.Slot <= epochStart ? headRoot : state.GetBlockRoot(epoch);
        var data = new AttestationData(slot, duty.Index, headRoot, state.CurrentJustifiedCheckpoint, new Checkpoint(epoch, targetRoot));
        SignAndPublishVote(me, data, bypass: false);
        if (me.IsEquivocator && headBlock.Block is not null && _blocks.ContainsKey(headBlock.Block.Message.ParentRoot))
        {
            SignAndPublishVote(me, data with { BeaconBlockRoot = headBlock.Block.Message.ParentRoot }, bypass: true);
        }
    }

    /// <summary>The head to vote for; the bug-wrong-head-after-reorg profile keeps the head it had before its first reorg.</summary>
    private Root VotedHead(LocalIdentity me)
    {
        var head = InclusionListHead(Head);
        if (me.Profile.Kind == ClientProfileKind.BugWrongHeadAfterReorg)
        {
            if (me.StuckHead is { } stuck && _blocks.ContainsKey(stuck))
            {
                return stuck;
            }

            if (me.LastHead is { } last && _blocks.ContainsKey(last) && !IsAncestor(last, head))
            {
                me.StuckHead = last;
                return last;
            }

            me.LastHead = head;
        }

        return head;
    }

    private void SignAndPublishVote(LocalIdentity me, AttestationData data, bool bypass)
    {
        // A view serving thousands of identities signs the same data (one per committee) for most of them.
        if (!_voteRoots.TryGetValue(data, out var roots))
        {
            var root = SszRoots.Of(data);
            roots = (root, Domains.ComputeSigningRoot(root, Domain(Domains.BeaconAttester, data.Target.Epoch)));
            _voteRoots[data] = roots;
        }

        var (dataRoot, signingRoot) = roots;
        var (signature, refusal) = me.Signer.SignAttestation(data, signingRoot, bypass);
        if (signature is null)
        {
            _events.Receive(new SigningRefused(me.Id, $"attestation of slot {data.Slot}", refusal ?? "", _now));
            return;
        }

        var vote = new MemberAttestation(me.Group, MemberIndex.ToWire(me.Member), data, signature);
        _events.Receive(new Attested(me.Id, data, _now));
        var bytes = MemberAttestation.Codec.Encode(vote);
        _states.Messages.Remember(bytes, vote, dataRoot);
        Publish(Topics.MemberAttestation(me.Group.Value), bytes);
        TakeMemberVote(vote, me.Member, dataRoot);
    }
}
