using NativeDvt.Consensus.InclusionLists;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Events;
using NativeDvt.Node.Mempool;
using NativeDvt.Node.Network;
using NativeDvt.Ssz;

namespace NativeDvt.Node.Tests.Protocol;

[Trait("Category", "Unit")]
public sealed class InclusionListNodeTests
{
    private static readonly TimeSpan Twelfth = NodeFixture.Slot / 12;
    private static readonly SimulatedMempool Pool = new(7, new MempoolOptions(4, 100, 1));

    [Fact]
    public void OnTick_InclusionListRound_CompletesAtMAndBindsOtherNodes()
    {
        var fixture = new NodeFixture(3, 2);
        var events = new RecordingEvents();
        var nodes = Enumerable.Range(0, 3).Select(i => fixture.NodeOf(i, events, Pool)).ToArray();
        var at = NodeFixture.Slot + (Twelfth * 6);
        foreach (var (node, _) in nodes)
        {
            node.OnTick(NodeFixture.Slot);
            node.OnTick(at);
        }

        var (leader, leaderNet) = nodes.Single(n => n.Network.Published.Any(p => p.Topic == n.Node.Topics.InclusionListProposal(0)));
        var proposalBytes = leaderNet.Published.Single(p => p.Topic == leader.Topics.InclusionListProposal(0)).Data;
        var proposal = InclusionListProposal.Codec.Decode(proposalBytes);
        Assert.Equal(new Slot(1), proposal.Message.Slot);
        Assert.Equal(Pool.All(new Slot(2)), proposal.Message.Transactions);
        var others = nodes.Where(n => n.Node != leader).ToArray();
        var (follower, followerNet) = others[0];

        Assert.Equal(GossipVerdict.Accept, follower.OnGossip(at + TimeSpan.FromMilliseconds(50), follower.Topics.InclusionListProposal(0), proposalBytes));
        var follow = Assert.Single(followerNet.Published, p => p.Topic == follower.Topics.InclusionListFollow(0)).Data;
        Assert.DoesNotContain(leaderNet.Published, p => p.Topic == leader.Topics.InclusionList);

        Assert.Equal(GossipVerdict.Accept, leader.OnGossip(at + TimeSpan.FromMilliseconds(100), leader.Topics.InclusionListFollow(0), follow));
        var complete = Assert.Single(leaderNet.Published, p => p.Topic == leader.Topics.InclusionList).Data;
        Assert.Equal(2, SignedInclusionList.Codec.Decode(complete).Signature.SignerCount);
        Assert.Equal(2, Assert.Single(events.Of<InclusionListAssembled>()).Signers);

        var (third, _) = others[1];
        Assert.Equal(GossipVerdict.Accept, third.OnGossip(at + TimeSpan.FromMilliseconds(150), third.Topics.InclusionList, complete));
        Assert.Equal(GossipVerdict.Ignore, third.OnGossip(at + TimeSpan.FromMilliseconds(160), third.Topics.InclusionList, complete));
        Assert.Equal(2, events.Count<InclusionListImported>());
        Assert.Equal(0, events.Count<InclusionListMissed>());
    }

    [Fact]
    public void OnGossip_TwoListsOfTheGroupForOneSlot_FollowerSignsOnlyTheFirst()
    {
        var fixture = new NodeFixture(3, 2);
        var events = new RecordingEvents();
        var (follower, network) = fixture.NodeOf(2, events, Pool);
        follower.OnTick(NodeFixture.Slot);
        var at = NodeFixture.Slot + (Twelfth * 7);

        var first = Proposal(fixture, leader: 0, Pool.All(new Slot(2)).Take(2));
        var second = Proposal(fixture, leader: 1, Pool.All(new Slot(2)).Skip(2));

        Assert.Equal(GossipVerdict.Accept, follower.OnGossip(at, follower.Topics.InclusionListProposal(0), first));
        Assert.Equal(GossipVerdict.Accept, follower.OnGossip(at, follower.Topics.InclusionListProposal(0), second));

        var follow = InclusionListFollow.Codec.Decode(Assert.Single(network.Published, p => p.Topic == follower.Topics.InclusionListFollow(0)).Data);
        Assert.Equal(InclusionListRules.RootOf(InclusionListProposal.Codec.Decode(first).Message), follow.InclusionListRoot);
        Assert.Equal(1, events.Count<InclusionListFollowSigned>());
    }

    [Fact]
    public void OnGossip_ForgedOrMalformedOrOldList_IsRejectedOrIgnored()
    {
        var fixture = new NodeFixture(3, 2);
        var (node, _) = fixture.NodeOf(0, mempool: Pool);
        node.OnTick(NodeFixture.Slot * 3);
        var committeeRoot = InclusionListCommittee.RootOf([.. Enumerable.Repeat(GroupIndex.Zero, 16)], 16);
        var list = new InclusionList(new Slot(3), GroupIndex.Zero, committeeRoot, [Bytes.Wrap([1, 2, 3])]);
        var forged = new SignedInclusionList(list, new GroupSignature(MemberBits.Of(3, [0, 1]), [Bytes.Wrap(new byte[32]), Bytes.Wrap(new byte[32])]));
        var at = (NodeFixture.Slot * 3) + TimeSpan.FromMilliseconds(100);

        Assert.Equal(GossipVerdict.Reject, node.OnGossip(at, node.Topics.InclusionList, SignedInclusionList.Codec.Encode(forged)));
        Assert.Equal(GossipVerdict.Reject, node.OnGossip(at, node.Topics.InclusionList, SignedInclusionList.Codec.Encode(forged with { Message = list with { Transactions = [Bytes.Wrap(new byte[9000])] } })));
        Assert.Equal(GossipVerdict.Ignore, node.OnGossip(at, node.Topics.InclusionList, SignedInclusionList.Codec.Encode(forged with { Message = list with { InclusionListCommitteeRoot = Root.Zero } })));
        Assert.Equal(GossipVerdict.Ignore, node.OnGossip(at, node.Topics.InclusionList, SignedInclusionList.Codec.Encode(forged with { Message = list with { Slot = new Slot(1) } })));
        Assert.Equal(GossipVerdict.Reject, node.OnGossip(at, node.Topics.InclusionListFollow(0), [1, 2]));
    }

    [Fact]
    public void OnGossip_ListOfASlotBeyondTheViewsCommittees_IsIgnored()
    {
        var fixture = new NodeFixture(3, 2);
        var (node, _) = fixture.NodeOf(0, mempool: Pool);
        var committeeRoot = InclusionListCommittee.RootOf([.. Enumerable.Repeat(GroupIndex.Zero, 16)], 16);
        var list = new InclusionList(new Slot(40), GroupIndex.Zero, committeeRoot, []);
        var signed = new SignedInclusionList(list, new GroupSignature(MemberBits.Of(3, [0, 1]), [Bytes.Wrap(new byte[32]), Bytes.Wrap(new byte[32])]));
        var follow = new InclusionListFollow(new Slot(40), GroupIndex.Zero, 1, Root.Zero, Bytes.Wrap(new byte[32]));

        // The node never ticked: its view is at genesis, four epochs before the list's slot.
        Assert.Equal(GossipVerdict.Ignore, node.OnGossip(NodeFixture.Slot * 40, node.Topics.InclusionList, SignedInclusionList.Codec.Encode(signed)));
        Assert.Equal(GossipVerdict.Ignore, node.OnGossip(NodeFixture.Slot * 40, node.Topics.InclusionListFollow(0), InclusionListFollow.Codec.Encode(follow)));
    }

    /// <summary>An inclusion-list proposal for slot 1 by <paramref name="leader"/>, signed with its key.</summary>
    private static byte[] Proposal(NodeFixture fixture, int leader, IEnumerable<Bytes> transactions)
    {
        var committeeRoot = InclusionListCommittee.RootOf([.. Enumerable.Repeat(GroupIndex.Zero, 16)], 16);
        var list = new InclusionList(new Slot(1), GroupIndex.Zero, committeeRoot, [.. transactions]);
        var signingRoot = InclusionListRules.SigningRoot(fixture.Genesis, list);
        var signature = Bytes.Wrap(fixture.Scheme.Sign(NodeFixture.SecretKey(leader), signingRoot.ToArray()));
        return InclusionListProposal.Codec.Encode(new InclusionListProposal(list, (ulong)leader, signature));
    }
}
