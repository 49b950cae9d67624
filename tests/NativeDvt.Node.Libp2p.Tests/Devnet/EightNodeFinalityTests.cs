using NativeDvt.Devnet;
using NativeDvt.Node.Libp2p.Devnet;
using System.Diagnostics;

namespace NativeDvt.Node.Libp2p.Tests.Devnet;

/// <summary>The headline: two 3-of-4 BLS groups, eight nodes each on its own libp2p host, reach finality in real time.</summary>
[Trait("Category", "Devnet")]
[Collection(RealTimeDevnets.Name)]
public sealed class EightNodeFinalityTests
{
    private const string TwoGroups = """
        name: two-groups
        scheme: bls
        slotTime: 1s
        slotsPerEpoch: 4
        accounting: whole
        proposalPolicy: leader-follow
        groups:
          - count: 2
            n: 4
            m: 3
        """;

    private static readonly TimeSpan GenesisDelay = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EightNodes_TwoBlsGroupsOverLibp2p_FinalizeTheSameCheckpoint()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var events = new RecordingEvents();
        await using var devnet = Libp2pDevnet.Create(DevnetFileReader.Parse(TwoGroups), new Libp2pDevnetOptions { Events = events, GenesisDelay = GenesisDelay });
        await devnet.StartAsync();
        var cpuAtGenesis = Process.GetCurrentProcess().TotalProcessorTime;

        var finalized = await devnet.FinalizedAsync();
        while (!(finalized.All(f => f.Epoch.Value >= 1) && finalized.Distinct().Count() == 1))
        {
            Assert.True(devnet.SinceGenesis < Deadline, $"no common finality {Deadline.TotalSeconds} s after genesis: {string.Join(", ", finalized.Select(f => f.Epoch.Value))}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
            finalized = await devnet.FinalizedAsync();
        }

        var timeToFinality = devnet.SinceGenesis;
        var cpuRun = Process.GetCurrentProcess().TotalProcessorTime - cpuAtGenesis;
        var slots = timeToFinality / devnet.SlotDuration;
        var assembled = events.Assembled;
        var imported = events.Imported;

        Assert.Empty(events.Refusals);
        Assert.Empty(events.Rejections);
        Assert.NotEmpty(assembled);
        Assert.All(assembled, a => Assert.True(a.Signers >= 3, $"block of slot {a.Slot} assembled from {a.Signers} signatures"));
        Assert.All(devnet.Nodes, n => Assert.Equal(0, n.Runner.Faults));

        // Gossip latency of blocks: the assembler's publication to each other node's import (one clock for all).
        var latencies = assembled
            .SelectMany(a => imported.Where(i => i.Root == a.Root && i.Node != a.Node).Select(i => (i.At - a.At).TotalMilliseconds))
            .Order()
            .ToList();
        var thresholds = assembled.Select(a => (a.ThresholdAt - (devnet.SlotDuration * a.Slot.Value)).TotalMilliseconds).Order().ToList();
        output.WriteLine($"finalized epoch {finalized[0].Epoch.Value} on all 8 nodes {timeToFinality.TotalSeconds:0.0} s after genesis ({slots:0.0} slots)");
        output.WriteLine($"CPU: {cpuRun.TotalSeconds:0.00} s from genesis to finality = {cpuRun.TotalMilliseconds / slots:0} ms per slot; {(cpuAtGenesis - cpuBefore).TotalSeconds:0.00} s of setup");
        output.WriteLine($"blocks: {assembled.Count} assembled, signers {string.Join(",", assembled.Select(a => a.Signers))}; m-th signature at p50 {Percentile(thresholds, 0.5):0} ms into the slot");
        output.WriteLine($"block gossip latency (assembled -> imported elsewhere): p50 {Percentile(latencies, 0.5):0.0} ms, p95 {Percentile(latencies, 0.95):0.0} ms, max {latencies.LastOrDefault():0.0} ms over {latencies.Count} deliveries");
        output.WriteLine($"proposals: {events.Proposed.Count} ({events.Proposed.Count(p => p.Rank > 0)} by a fallback rank) for {slots:0} slots; blocks fetched by root: {devnet.Nodes.Sum(n => n.Network.BlocksFetched)}");
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
}
