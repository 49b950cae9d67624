using NativeDvt.Devnet;
using NativeDvt.Node.Mempool;
using NativeDvt.Shared;
using NativeDvt.Simulation.Reporting;

namespace NativeDvt.Simulation.Tests;

[Trait("Category", "Simulation")]
public sealed class InclusionListScenarioTests
{
    private const string MixedShape = """
        name: il-mixed
        scheme: insecure-fast
        groups:
          - { count: 4, n: 1, m: 1 }
          - { count: 4, n: 3, m: 2 }
          - { count: 4, n: 4, m: 3 }
          - { count: 2, n: 7, m: 5 }
          - { count: 2, n: 16, m: 11 }
        """;

    [Theory]
    [InlineData(1.0, 5, 2)]
    [InlineData(0.5, 3, 0)]
    public void Run_AllHonest_ListsCompleteBlocksCarryEveryListedTransactionAndFinalityHolds(double visibility, int epochs, ulong finalized)
    {
        var spec = DevnetFileReader.Parse(MixedShape + $"\nmempool: {{ transactions: 6, transactionBytes: 100, visibility: {visibility.ToString(System.Globalization.CultureInfo.InvariantCulture)} }}\n");
        var simulation = DevnetSimulation.Create(spec, new SimulationOptions(1, epochs));
        var report = simulation.Run();

        var il = report.InclusionLists;
        Assert.Equal(16, il.CommitteeSize);
        Assert.True(il.Expected >= epochs * 8 * 8, $"only {il.Expected} lists were due");
        Assert.Equal(il.Expected, il.CompleteInTime);
        Assert.Empty(il.MissedLists);
        Assert.Empty(il.FailedBlocks);
        Assert.True(il.MessagesPerSlot > 0);
        Assert.Equal(finalized, report.FinalizedEpoch);
        Assert.Empty(report.MissedProposals);
        Assert.Equal(report.Participation.GroupEpochs, report.Participation.Head);

        // Every node sees at least one of each slot's transactions only with probability 1 - 0.5^(lists): the union of
        // the lists still brings all six into every block after the first.
        var mempool = new SimulatedMempool(1, spec.Mempool.ToMempoolOptions());
        var node = simulation.Nodes[0];
        var checkedBlocks = 0;
        for (var block = node.HeadBlock; block?.Block is { } signed && block.Slot.Value >= 2; block = node.FindBlock(signed.Message.ParentRoot))
        {
            Assert.Equal(mempool.All(block.Slot).ToHashSet(), signed.Message.Body.Transactions.ToHashSet());
            checkedBlocks++;
        }

        Assert.True(checkedBlocks >= 8, $"only {checkedBlocks} blocks above finality were checked");
    }

    [Fact]
    public void Run_CensorLeader_ItsBlocksGetNoVotesAndAreReorgedOut()
    {
        var report = DevnetSimulation.Create(DevnetFileReader.Parse("""
            name: censor
            scheme: insecure-fast
            groups:
              - { count: 1, n: 1, m: 1, members: [censor] }
              - { count: 1, n: 3, m: 2, members: [censor, honest, honest] }
              - { count: 10, n: 1, m: 1 }
            """), new SimulationOptions(3, 5)).Run();

        var failed = report.InclusionLists.FailedBlocks;
        Assert.NotEmpty(failed);
        Assert.All(failed, f =>
        {
            Assert.Equal(8, f.MissingTransactions);
            Assert.Equal(0, f.VotesFor);
            Assert.True(f.VotesElsewhere > 0, $"slot {f.Slot}: nobody attested");
            // A block of the run's last slot has no successor yet to reorg it.
            Assert.True(!f.Canonical || f.Slot == (ulong)report.Proposals.Duties, $"slot {f.Slot}: the censored block stayed canonical");
            Assert.Equal(report.Identities, f.NodesThatFlagged);
        });
        Assert.Contains(failed, f => f.Group == 0);
        // Missed proposals are read at each epoch's end: a censored block in an epoch's last slot is reorged only after it.
        Assert.All(failed.Where(f => !f.Canonical && (f.Slot + 1) % 8 != 0).Select(f => f.Slot), slot => Assert.Contains(report.MissedProposals, m => m.Slot == slot && m.Reason.StartsWith("block failed the inclusion-list check", StringComparison.Ordinal)));
        Assert.True(report.FinalizedEpoch >= 2, $"finalized {report.FinalizedEpoch}");
    }

    [Fact]
    public void Run_CommitteeGroupWithFewerThanMMembersUp_MissesItsListsWithTheReason()
    {
        var report = DevnetSimulation.Create(DevnetFileReader.Parse("""
            name: il-too-few
            scheme: insecure-fast
            groups:
              - { count: 1, n: 4, m: 3, members: [offline, offline, honest, honest] }
              - { count: 8, n: 4, m: 3 }
            """), new SimulationOptions(1, 3)).Run();

        var il = report.InclusionLists;
        var missed = il.MissedLists.Where(m => m.Group == 0).ToList();
        Assert.NotEmpty(missed);
        Assert.All(missed, m => Assert.Equal("2 of 4 members up, 3 needed", m.Reason));
        Assert.DoesNotContain(il.MissedLists, m => m.Group != 0);
        Assert.Equal(il.Expected - missed.Count, il.CompleteInTime);
        Assert.Empty(il.FailedBlocks);

        // The console report keeps the summary and the misses; the committee of every slot only with --verbose.
        var (text, verbose) = (ReportText.ToText(report), ReportText.ToText(report, verbose: true));
        Assert.Contains("missed or late inclusion lists: " + il.MissedLists.Count, text, StringComparison.Ordinal);
        Assert.DoesNotContain("inclusion-list committees", text, StringComparison.Ordinal);
        Assert.Contains($"inclusion-list committees (slot: groups, complete in time / late / missed): {il.BySlot.Count}", verbose, StringComparison.Ordinal);
        Assert.True(verbose.Split('\n').Length >= text.Split('\n').Length + Math.Min(il.BySlot.Count, 40));
    }

    [Fact]
    public void Run_SlowNetwork_ListsCompleteAfterTheFreezeAndBindNothing()
    {
        // 400 ms per hop: proposal at 1000 ms, follows back at 1800 ms, past the 1500 ms freeze.
        var report = DevnetSimulation.Create(DevnetFileReader.Parse("""
            name: il-slow
            scheme: insecure-fast
            network: { latency: 400ms }
            groups:
              - { count: 6, n: 4, m: 3 }
            """), new SimulationOptions(1, 2)).Run();

        var il = report.InclusionLists;
        Assert.Equal(0, il.CompleteInTime);
        Assert.Equal(il.Expected, il.CompleteLate);
        Assert.All(il.MissedLists, m => Assert.Equal("completed after the freeze deadline", m.Reason));
        Assert.Empty(il.FailedBlocks);
    }

    [Fact]
    public void Run_InclusionListsOff_NoListsAndNoTraffic()
    {
        var report = DevnetSimulation.Create(DevnetFileReader.Parse(MixedShape + "\nilCommitteeSize: 0\n"), new SimulationOptions(1, 2)).Run();

        Assert.Equal(0, report.InclusionLists.Expected);
        Assert.DoesNotContain(report.Traffic, t => t.Topic.StartsWith("inclusion_list", StringComparison.Ordinal) && t.Published > 0);
        Assert.Equal(SlotCount(report), report.Proposals.Canonical);
    }

    private static int SlotCount(SimulationReport report) => report.Proposals.Duties;
}
