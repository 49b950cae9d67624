using NativeDvt.Devnet;
using NativeDvt.Simulation.Reporting;

namespace NativeDvt.Simulation.Tests;

/// <summary>Deliveries of one instant run on several threads; the report must not change by a byte.</summary>
[Trait("Category", "Simulation")]
public sealed class ParallelDeliveryTests
{
    // mixed-64's shape, fewer groups; a fixed latency makes every instant's deliveries land together.
    private const string MixedShape = """
        name: mixed-small
        scheme: insecure-fast
        groups:
          - { count: 4, n: 1, m: 1 }
          - { count: 4, n: 3, m: 2 }
          - { count: 4, n: 4, m: 3 }
          - { count: 2, n: 7, m: 5 }
          - { count: 2, n: 16, m: 11 }
        """;

    // Faults, equivocators (member-equivocation events and attester slashings from attestation deliveries), a partition
    // and its heal, a crash and restart (block requests), on a fixed latency (deliveries of an instant coincide) with
    // loss (random draws between them) and a late member (its block deliveries land apart).
    private const string Faulty = """
        name: faulty
        scheme: insecure-fast
        accounting: component
        network:
          latency: 30ms
          loss: 0.01
        groups:
          - { count: 3, n: 4, m: 3, members: [honest, honest, late 700ms, equivocator] }
          - { count: 1, n: 4, m: 3, members: [equivocator, equivocator, equivocator, honest] }
          - { count: 2, n: 7, m: 5, members: [bug-invalid-state-root from slot 10, bug-wrong-head-after-reorg, honest, honest, honest, honest, honest] }
        solos:
          count: 8
        faults:
          - { slot: 6, crash: g0/m0 }
          - { slot: 12, restart: g0/m0 }
          - { slot: 14, partition: ["g0-2, g6-9", "g3-5, g10-13"] }
          - { slot: 20, heal: true }
        """;

    private static string Json(string yaml, int epochs, int threads, int? views = null) =>
        ReportText.ToJson(DevnetSimulation.Create(DevnetFileReader.Parse(yaml), new SimulationOptions(3, epochs) { Threads = threads, Views = views }).Run());

    [Theory]
    [InlineData(null)]
    [InlineData(16)]
    public void Run_MixedShapeOnOneAndFourThreads_SameJsonReport(int? views)
    {
        var one = Json(MixedShape, epochs: 3, threads: 1, views);
        var four = Json(MixedShape, epochs: 3, threads: 4, views);

        Assert.Equal(one, four);
        Assert.Contains("\"canonical\"", one, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FaultsPartitionAndEquivocatorsOnOneAndThreeThreads_SameJsonReport()
    {
        var one = Json(Faulty, epochs: 4, threads: 1);
        var three = Json(Faulty, epochs: 4, threads: 3);

        Assert.Equal(one, three);
    }
}
