using NativeDvt.Consensus.Primitives;
using NativeDvt.Node.Events;

namespace NativeDvt.Node.Tests.Protocol;

[Trait("Category", "Simulation")]
public sealed class SyncGateTests
{
    [Fact]
    public void OnTick_StartedEpochsBehindTheClock_SignsNothingUntilItGivesUpWaiting()
    {
        var events = new RecordingEvents();
        var (node, network) = WaitingNode(new NodeFixture(1, 1), events);
        var start = NodeFixture.Slot * 20;
        node.Start(start);

        node.OnTick(start);

        Assert.Empty(network.Published);
        Assert.Contains(events.Of<SigningRefused>(), e => e.Detail.Contains("syncing: the head is at slot 0, the clock at slot 20", StringComparison.Ordinal));

        var later = start + (NodeFixture.Slot * 17);
        node.OnTick(later);

        Assert.Contains(network.Published, p => p.Topic == node.Topics.BeaconBlock);
    }

    [Fact]
    public void OnTick_BehindButNoNewerBlockSeenAfterItsFirstSlot_SignsOnWhatItHolds()
    {
        var fixture = new NodeFixture(1, 1);
        var (node, network) = WaitingNode(fixture, new RecordingEvents());
        var start = NodeFixture.Slot * 20;
        node.Start(start);
        node.OnTick(start);

        node.OnTick(start + NodeFixture.Slot);

        // A devnet that stalled: nobody holds a newer chain, so waiting for one would only stall it longer.
        Assert.Contains(network.Published, p => p.Topic == node.Topics.BeaconBlock);
    }

    [Fact]
    public void OnTick_BehindAndABlockItCannotConnectSeen_StaysPaused()
    {
        var fixture = new NodeFixture(1, 1);
        var (peer, peerNetwork) = fixture.NodeOf(0);
        var now = TimeSpan.Zero;
        while (now < NodeFixture.Slot * 19)
        {
            now = peer.OnTick(now);
        }

        var (node, network) = WaitingNode(fixture, new RecordingEvents());
        var start = NodeFixture.Slot * 20;
        node.Start(start);
        node.OnTick(start);
        node.OnGossip(start, node.Topics.BeaconBlock, peerNetwork.Published.Last(p => p.Topic == peer.Topics.BeaconBlock).Data);

        node.OnTick(start + NodeFixture.Slot);

        Assert.NotEmpty(network.Requested);
        Assert.DoesNotContain(network.Published, p => p.Topic == node.Topics.BeaconBlock);
    }

    private static (DvtNode Node, RecordingNetwork Network) WaitingNode(NodeFixture fixture, RecordingEvents events)
    {
        var network = new RecordingNetwork();
        var node = new DvtNode(new NodeOptions
        {
            Identity = new MemberId(GroupIndex.Zero, 0),
            Genesis = fixture.Genesis,
            SlotDuration = NodeFixture.Slot,
            Scheme = fixture.Scheme,
            SecretKey = NodeFixture.SecretKey(0),
            States = fixture.States,
            Events = events,
            WaitForSync = true,
        }, network);
        return (node, network);
    }

    [Fact]
    public void OnTick_WithoutWaitForSync_ProposesOnWhatItHolds()
    {
        var (node, network) = new NodeFixture(1, 1).NodeOf(0);

        node.OnTick(NodeFixture.Slot * 20);

        Assert.Contains(network.Published, p => p.Topic == node.Topics.BeaconBlock);
    }
}
