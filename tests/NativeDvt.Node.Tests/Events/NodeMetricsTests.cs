using NativeDvt.Consensus.Primitives;
using NativeDvt.Node.Events;
using NativeDvt.Node.Tests.Protocol;

namespace NativeDvt.Node.Tests.Events;

[Trait("Category", "Unit")]
public sealed class NodeMetricsTests
{
    [Fact]
    public void LeaderFollowRound_RecordsProposalFollowAssemblyAndImportWithLatencies()
    {
        using var meters = new TestMeterFactory();
        using var metrics = new NodeMetrics(NodeFixture.Slot, meters);
        using var recorded = new RecordedMeasurements(meters);
        var counts = new RecordingEvents();
        var sink = new EventSinks(metrics, counts);
        var fixture = new NodeFixture(3, 2);
        var nodes = Enumerable.Range(0, 3).Select(i => fixture.NodeOf(i, sink)).ToArray();
        var at = NodeFixture.Slot;
        foreach (var (node, _) in nodes)
        {
            node.OnTick(at);
        }

        var (leader, leaderNet) = nodes.Single(n => n.Network.Published.Any(p => p.Topic == n.Node.Topics.GroupProposal));
        var (follower, followerNet) = nodes.First(n => n.Node != leader);
        follower.OnGossip(at + TimeSpan.FromMilliseconds(50), follower.Topics.GroupProposal, leaderNet.Published.Single(p => p.Topic == leader.Topics.GroupProposal).Data);
        leader.OnGossip(at + TimeSpan.FromMilliseconds(100), leader.Topics.FollowSignature, followerNet.Published.Single(p => p.Topic == follower.Topics.FollowSignature).Data);
        follower.OnGossip(at + TimeSpan.FromMilliseconds(150), follower.Topics.BeaconBlock, leaderNet.Published.Single(p => p.Topic == leader.Topics.BeaconBlock).Data);

        var proposed = Assert.Single(recorded.Of("ndvt.node.blocks_proposed"));
        Assert.Equal(0, proposed.Tags["rank"]);
        Assert.Equal((long)leader.Identity.Member, Convert.ToInt64(proposed.Tags["member"]));
        Assert.Single(recorded.Of("ndvt.node.follow_signatures"));
        Assert.Equal(2, Assert.Single(recorded.Of("ndvt.node.blocks_assembled")).Tags["signers"]);
        Assert.Equal(100, Assert.Single(recorded.Of("ndvt.node.block_threshold_time")).Value);
        var imports = recorded.Of("ndvt.node.block_import_time");
        Assert.Contains(imports, m => m.Value == 150 && Convert.ToInt32(m.Tags["member"]) == follower.Identity.Member);
        Assert.Equal(counts.Count<BlockImported>(), recorded.Of("ndvt.node.blocks_imported").Count);
        Assert.Equal(1, counts.Count<BlockAssembled>());
    }

    [Fact]
    public void FinalizedGauge_ReportsEachIdentitysHighestEpoch()
    {
        using var meters = new TestMeterFactory();
        using var metrics = new NodeMetrics(NodeFixture.Slot, meters);
        using var recorded = new RecordedMeasurements(meters);
        var first = new MemberId(new GroupIndex(3), 1);
        var second = new MemberId(new GroupIndex(4), 0);

        metrics.Receive(new Finalized(first, new Epoch(2), Root.Zero, TimeSpan.Zero));
        metrics.Receive(new Finalized(first, new Epoch(1), Root.Zero, TimeSpan.Zero));
        metrics.Receive(new Finalized(second, new Epoch(5), Root.Zero, TimeSpan.Zero));
        recorded.Observe();

        var gauge = recorded.Of("ndvt.node.finalized_epoch");
        Assert.Equal(2, gauge.Single(m => Convert.ToInt64(m.Tags["group"]) == 3).Value);
        Assert.Equal(5, gauge.Single(m => Convert.ToInt64(m.Tags["group"]) == 4).Value);
    }

    [Fact]
    public void BlockImportedLongAfterItsSlot_CountsButStaysOutOfTheLatencyFigure()
    {
        using var meters = new TestMeterFactory();
        using var metrics = new NodeMetrics(NodeFixture.Slot, meters);
        using var recorded = new RecordedMeasurements(meters);
        var node = new MemberId(GroupIndex.Zero, 0);

        metrics.Receive(new BlockImported(node, new Slot(1), Root.Zero, NodeFixture.Slot * 9));

        Assert.Single(recorded.Of("ndvt.node.blocks_imported"));
        Assert.Empty(recorded.Of("ndvt.node.block_import_time"));
    }

    [Fact]
    public void RejectionsRefusalsAndEvidence_AreTaggedWithTheirReason()
    {
        using var meters = new TestMeterFactory();
        using var metrics = new NodeMetrics(NodeFixture.Slot, meters);
        using var recorded = new RecordedMeasurements(meters);
        var observer = new MemberId(GroupIndex.Zero, 2);

        metrics.Receive(new BlockRejected(observer, new Slot(4), Root.Zero, "state root mismatch", TimeSpan.Zero));
        metrics.Receive(new SigningRefused(observer, "block", "slot 4 already signed", TimeSpan.Zero));
        metrics.Receive(new MemberEquivocation(observer, new MemberId(new GroupIndex(7), 3), "double vote", new Slot(4), TimeSpan.Zero));
        metrics.Receive(new GroupSlashingBuilt(observer, new GroupSlashingEvidence(new GroupIndex(7), "proposer",
            new SlashingSide(new Slot(4), Root.Zero, [0, 1]), new SlashingSide(new Slot(4), Root.Zero, [2, 3])), TimeSpan.Zero));
        metrics.Receive(new SplitVote(observer, new Slot(4), 2, 4, 2, TimeSpan.Zero));

        Assert.Equal("state root mismatch", Assert.Single(recorded.Of("ndvt.node.blocks_rejected")).Tags["reason"]);
        Assert.Equal("block", Assert.Single(recorded.Of("ndvt.node.signing_refused")).Tags["what"]);
        var equivocation = Assert.Single(recorded.Of("ndvt.node.member_equivocations"));
        Assert.Equal(7L, equivocation.Tags["equivocator_group"]);
        Assert.Equal(3, equivocation.Tags["equivocator_member"]);
        Assert.Equal(7L, Assert.Single(recorded.Of("ndvt.node.group_slashings_built")).Tags["slashed_group"]);
        Assert.Equal(2, Assert.Single(recorded.Of("ndvt.node.split_votes")).Tags["distinct_data"]);
    }

    [Fact]
    public void EveryNodeEvent_HasAnInstrument()
    {
        // A new event the exporter does not switch on would be dropped silently.
        var kinds = typeof(NodeEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(NodeEvent)) && !t.IsAbstract).ToList();

        Assert.Contains(typeof(BlockProposed), kinds);
        foreach (var kind in kinds)
        {
            using var meters = new TestMeterFactory();
            using var metrics = new NodeMetrics(NodeFixture.Slot, meters);
            using var recorded = new RecordedMeasurements(meters);

            metrics.Receive(AnyOf(kind));
            recorded.Observe();

            Assert.True(recorded.Count > 0, $"{kind.Name} left no measurement");
        }
    }

    private static readonly SlashingSide Side = new(Slot.Zero, Root.Zero, [0]);

    // Every event with default values, except the one identity all events name and the evidence a slashing carries.
    private static NodeEvent AnyOf(Type kind)
    {
        var constructor = kind.GetConstructors().Single(c => c.GetParameters().Length > 1);
        var arguments = constructor.GetParameters()
            .Select(p => p.ParameterType == typeof(MemberId) ? new MemberId(GroupIndex.Zero, 1)
                : p.ParameterType == typeof(GroupSlashingEvidence) ? new GroupSlashingEvidence(GroupIndex.Zero, "double vote", Side, Side)
                : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType)
                : p.ParameterType == typeof(string) ? "reason" : null)
            .ToArray();
        return (NodeEvent)constructor.Invoke(arguments);
    }
}
