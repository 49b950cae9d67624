using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Events;
using NativeDvt.Node.Network;
using NativeDvt.Node.Profiles;
using NativeDvt.Ssz;

namespace NativeDvt.Node.Tests.Protocol;

[Trait("Category", "Unit")]
public sealed class DvtNodeTests
{
    [Fact]
    public void Start_SubscribesToEveryTopic()
    {
        var (node, network) = new NodeFixture(1, 1).NodeOf(0);

        Assert.Equal([.. node.Topics.All, node.Topics.MemberAttestation(0), node.Topics.InclusionListProposal(0), node.Topics.InclusionListFollow(0)], network.Subscriptions);
        Assert.All(network.Subscriptions, t => Assert.Matches("^/ndvt/[0-9a-f]{8}/[a-z_0-9]+/ssz_snappy$", t));
    }

    [Fact]
    public void OnTick_SoloAtSlotStart_ProposesAssemblesAndImportsItsBlockWithoutGossipingAProposal()
    {
        var events = new RecordingEvents();
        var (node, network) = new NodeFixture(1, 1).NodeOf(0, events);

        node.OnTick(NodeFixture.Slot);

        Assert.DoesNotContain(network.Published, p => p.Topic == node.Topics.GroupProposal);
        Assert.Contains(network.Published, p => p.Topic == node.Topics.BeaconBlock);
        Assert.Equal(new Slot(1), node.HeadBlock.Slot);
        Assert.Equal(1, events.Count<BlockAssembled>());
        var started = Assert.Single(events.Of<SlotStarted>());
        Assert.Equal((new Slot(1), node.HeadBlock.Block!.Message.ProposerIndex), (started.Slot, started.Proposer));
    }

    [Fact]
    public void OnGossip_LeaderProposal_FollowerCoSignsOnceAndLeaderAssemblesAtThreshold()
    {
        var fixture = new NodeFixture(3, 2);
        var nodes = Enumerable.Range(0, 3).Select(i => fixture.NodeOf(i)).ToArray();
        var at = NodeFixture.Slot;
        foreach (var (node, _) in nodes)
        {
            node.OnTick(at);
        }

        var (leader, leaderNet) = nodes.Single(n => n.Network.Published.Any(p => p.Topic == n.Node.Topics.GroupProposal));
        var proposal = leaderNet.Published.Single(p => p.Topic == leader.Topics.GroupProposal).Data;
        var (follower, followerNet) = nodes.First(n => n.Node != leader);

        Assert.Equal(GossipVerdict.Accept, follower.OnGossip(at + TimeSpan.FromMilliseconds(50), follower.Topics.GroupProposal, proposal));
        Assert.Equal(GossipVerdict.Ignore, follower.OnGossip(at + TimeSpan.FromMilliseconds(60), follower.Topics.GroupProposal, proposal));
        var follow = Assert.Single(followerNet.Published, p => p.Topic == follower.Topics.FollowSignature).Data;

        Assert.Equal(GossipVerdict.Accept, leader.OnGossip(at + TimeSpan.FromMilliseconds(100), leader.Topics.FollowSignature, follow));
        var block = Assert.Single(leaderNet.Published, p => p.Topic == leader.Topics.BeaconBlock).Data;
        Assert.Equal(new Slot(1), leader.HeadBlock.Slot);

        Assert.Equal(GossipVerdict.Accept, follower.OnGossip(at + TimeSpan.FromMilliseconds(150), follower.Topics.BeaconBlock, block));
        Assert.Equal(leader.Head, follower.Head);
        Assert.Same(leader.HeadBlock.PostState, follower.HeadBlock.PostState);
    }

    [Fact]
    public void OnGossip_TamperedFollowSignature_IsRejected()
    {
        var fixture = new NodeFixture(3, 2);
        var (node, _) = fixture.NodeOf(0);
        var forged = new FollowSignature(new Slot(0), GroupIndex.Zero, 1, Root.Zero, Bytes.Wrap(new byte[32]));

        var verdict = node.OnGossip(TimeSpan.FromMilliseconds(10), node.Topics.FollowSignature, FollowSignature.Codec.Encode(forged));

        Assert.Equal(GossipVerdict.Reject, verdict);
    }

    [Fact]
    public void OnGossip_Garbage_IsRejected()
    {
        var (node, _) = new NodeFixture(1, 1).NodeOf(0);

        Assert.Equal(GossipVerdict.Reject, node.OnGossip(TimeSpan.Zero, node.Topics.BeaconBlock, [1, 2, 3]));
        Assert.Equal(GossipVerdict.Reject, node.OnGossip(TimeSpan.Zero, node.Topics.MemberAttestation(0), [0]));
    }

    [Fact]
    public void OnGossip_BlockWithUnknownParent_IsIgnoredAndRequested()
    {
        var fixture = new NodeFixture(1, 1);
        var (producer, producerNet) = fixture.NodeOf(0);
        producer.OnTick(NodeFixture.Slot);
        producer.OnTick(NodeFixture.Slot * 2);
        var blocks = producerNet.Published.Where(p => p.Topic == producer.Topics.BeaconBlock).Select(p => p.Data).ToList();
        var (late, lateNet) = new NodeFixture(1, 1).NodeOf(0);

        Assert.Equal(GossipVerdict.Ignore, late.OnGossip(NodeFixture.Slot * 2, late.Topics.BeaconBlock, blocks[1]));
        Assert.Single(lateNet.Requested);
        Assert.Equal(GossipVerdict.Accept, late.OnGossip(NodeFixture.Slot * 2, late.Topics.BeaconBlock, blocks[0]));
        Assert.Equal(producer.Head, late.Head);
    }

    [Fact]
    public void OnGossip_DescendantsOfAnInvalidBlock_AreRejectedWithoutAskingForTheirParent()
    {
        // A client with a state-root bug signs blocks whose state root is wrong, and builds on them.
        var (buggy, buggyNet) = new NodeFixture(1, 1).NodeOf(0, profile: new ClientProfile(ClientProfileKind.BugInvalidStateRoot) { TriggerSlot = 1 });
        for (var slot = 1; slot <= 3; slot++)
        {
            buggy.OnTick(NodeFixture.Slot * slot);
        }

        var blocks = buggyNet.Published.Where(p => p.Topic == buggy.Topics.BeaconBlock).Select(p => p.Data).ToList();
        Assert.Equal(3, blocks.Count);
        var events = new RecordingEvents();
        var (honest, honestNet) = new NodeFixture(1, 1).NodeOf(0, events);
        var at = NodeFixture.Slot * 3;

        Assert.Equal(GossipVerdict.Ignore, honest.OnGossip(at, honest.Topics.BeaconBlock, blocks[1]));
        Assert.Equal(GossipVerdict.Reject, honest.OnGossip(at, honest.Topics.BeaconBlock, blocks[0]));
        Assert.Equal(GossipVerdict.Reject, honest.OnGossip(at, honest.Topics.BeaconBlock, blocks[2]));

        Assert.Single(honestNet.Requested);
        var rejected = events.Of<BlockRejected>();
        Assert.Equal([new Slot(1), new Slot(2), new Slot(3)], rejected.Select(r => r.Slot));
        Assert.Contains("state root", rejected[0].Reason, StringComparison.Ordinal);
        Assert.All(rejected.Skip(1), r => Assert.EndsWith("built on an invalid block", r.Reason, StringComparison.Ordinal));
        Assert.Equal(new Slot(0), honest.HeadBlock.Slot);
    }

    [Fact]
    public void OnTick_LeaderSilentAfterProposing_FollowerWithMSignaturesAssemblesAfterTimeout()
    {
        var fixture = new NodeFixture(3, 2);
        var nodes = Enumerable.Range(0, 3).Select(i => fixture.NodeOf(i)).ToArray();
        var at = NodeFixture.Slot;
        foreach (var (node, _) in nodes)
        {
            node.OnTick(at);
        }

        var (leader, leaderNet) = nodes.Single(n => n.Network.Published.Any(p => p.Topic == n.Node.Topics.GroupProposal));
        var proposal = leaderNet.Published.Single(p => p.Topic == leader.Topics.GroupProposal).Data;
        var (follower, followerNet) = nodes.First(n => n.Node != leader);
        follower.OnGossip(at + TimeSpan.FromMilliseconds(50), follower.Topics.GroupProposal, proposal);
        Assert.DoesNotContain(followerNet.Published, p => p.Topic == follower.Topics.BeaconBlock);

        // The leader never gets the follow signature (it crashed); one LEADER_TIMEOUT later the follower assembles.
        follower.OnTick(at + (NodeFixture.Slot / 12 * 2));

        Assert.Contains(followerNet.Published, p => p.Topic == follower.Topics.BeaconBlock);
        Assert.Equal(new Slot(1), follower.HeadBlock.Slot);
    }
}
