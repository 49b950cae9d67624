using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.State;
using NativeDvt.Node.Events;
using NativeDvt.Node.Network;

namespace NativeDvt.Node.Tests.Protocol;

/// <summary>A node started from a finalized block's post-state (checkpoint sync) instead of genesis.</summary>
[Trait("Category", "Simulation")]
public sealed class CheckpointStartTests
{
    [Fact]
    public void Start_FromAFinalizedState_FetchesTheBlocksAfterItByRootCatchesUpAndSignsAgain()
    {
        var fixture = new NodeFixture(1, 1);
        var (running, runningNetwork) = fixture.NodeOf(0);
        var now = RunUntilFinalized(running, new Epoch(3));
        var finalized = running.FindBlock(running.Finalized.Root)!;
        Assert.True(finalized.Slot.Value > 0);
        var events = new RecordingEvents();
        var network = new RecordingNetwork();
        var restarted = new DvtNode(Options(fixture, events, finalized.PostState), network);

        restarted.Start(now);
        restarted.OnTick(now);

        Assert.Equal(finalized.Root, restarted.Head);
        Assert.Equal(running.Finalized.Epoch, restarted.Finalized.Epoch);
        Assert.Empty(network.Published);
        Assert.Contains(events.Of<SigningRefused>(), e => e.Detail.Contains("syncing", StringComparison.Ordinal));

        // The peer gossips its head; the restarted node asks for the parents it lacks until it reaches its anchor.
        var head = runningNetwork.Published.Last(p => p.Topic == running.Topics.BeaconBlock).Data;
        Assert.Equal(GossipVerdict.Ignore, restarted.OnGossip(now, running.Topics.BeaconBlock, head));
        for (var served = 0; network.Requested.Count > served; served++)
        {
            var bytes = running.BlockBytes(network.Requested[served]);
            Assert.NotNull(bytes);
            restarted.OnGossip(now, running.Topics.BeaconBlock, bytes);
        }

        Assert.Equal(running.Head, restarted.Head);
        Assert.DoesNotContain(network.Requested, r => r == DvtNode.GenesisRoot(fixture.Genesis));
        var nextSlot = TimeSpan.FromTicks(((now.Ticks / NodeFixture.Slot.Ticks) + 1) * NodeFixture.Slot.Ticks);
        restarted.OnTick(nextSlot);
        Assert.Contains(network.Published, p => p.Topic == restarted.Topics.BeaconBlock);
    }

    [Fact]
    public void Constructor_AnchorOfAnotherChainOrAdvancedPastItsBlock_IsRefusedWithTheReason()
    {
        var fixture = new NodeFixture(1, 1);
        var other = new NodeFixture(2, 2);
        var (running, _) = fixture.NodeOf(0);
        RunUntilFinalized(running, new Epoch(2));
        var finalized = running.FindBlock(running.Finalized.Root)!;
        var advanced = fixture.States.Advanced(finalized, new Slot(finalized.Slot.Value + 1));

        var foreign = Assert.Throws<ArgumentException>(() => new DvtNode(Options(fixture, new RecordingEvents(), other.Genesis), new RecordingNetwork()));
        var moved = Assert.Throws<ArgumentException>(() => new DvtNode(Options(fixture, new RecordingEvents(), advanced), new RecordingNetwork()));

        Assert.Contains("another chain", foreign.Message, StringComparison.Ordinal);
        Assert.Contains("advanced past its block", moved.Message, StringComparison.Ordinal);
    }

    private static NodeOptions Options(NodeFixture fixture, INodeEventSink events, BeaconState anchor) => new()
    {
        Identity = new MemberId(GroupIndex.Zero, 0),
        Genesis = fixture.Genesis,
        Anchor = anchor,
        SlotDuration = NodeFixture.Slot,
        Scheme = fixture.Scheme,
        SecretKey = NodeFixture.SecretKey(0),
        States = fixture.States,
        Events = events,
        WaitForSync = true,
    };

    private static TimeSpan RunUntilFinalized(DvtNode node, Epoch epoch)
    {
        var now = TimeSpan.Zero;
        while (node.Finalized.Epoch < epoch)
        {
            Assert.True(now < NodeFixture.Slot * 200, $"no finality by slot 200: finalized epoch {node.Finalized.Epoch.Value}");
            now = node.OnTick(now);
        }

        return now;
    }
}
