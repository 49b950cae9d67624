using NativeDvt.Consensus.Primitives;
using NativeDvt.Node.Events;

namespace NativeDvt.Node.Tests.Protocol;

[Trait("Category", "Unit")]
public sealed class SyncGateTests
{
    [Fact]
    public void OnTick_StartedEpochsBehindTheClock_SignsNothingUntilItGivesUpWaiting()
    {
        var fixture = new NodeFixture(1, 1);
        var events = new CountingEvents();
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
        var start = NodeFixture.Slot * 20;
        node.Start(start);

        node.OnTick(start);

        Assert.Empty(network.Published);
        Assert.Contains(events.Details, d => d.Contains("syncing: the head is at slot 0, the clock at slot 20", StringComparison.Ordinal));

        var later = start + (NodeFixture.Slot * 17);
        node.OnTick(later);

        Assert.Contains(network.Published, p => p.Topic == node.Topics.BeaconBlock);
    }

    [Fact]
    public void OnTick_WithoutWaitForSync_ProposesOnWhatItHolds()
    {
        var (node, network) = new NodeFixture(1, 1).NodeOf(0);

        node.OnTick(NodeFixture.Slot * 20);

        Assert.Contains(network.Published, p => p.Topic == node.Topics.BeaconBlock);
    }
}
