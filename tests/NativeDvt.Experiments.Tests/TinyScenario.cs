namespace NativeDvt.Experiments.Tests;

/// <summary>A scenario small enough for unit tests: a 2-of-3 group and two solos, two short epochs per run, lossy so that seeds differ.</summary>
internal static class TinyScenario
{
    public const string Yaml = """
        name: tiny
        question: Does a tiny sweep run?
        seed: 7
        epochs: 2
        seeds: 2
        quick: { epochs: 1, seeds: 1 }
        sweep:
          - parameter: latency
            values: [20ms, 80ms]
            quick: [20ms]
          - parameter: accounting
            values: [whole, component]
        plots:
          - { title: Target by latency, x: latency, y: target }
          - { title: Bytes per slot, x: latency, y: bytesPerSlot, where: { accounting: whole } }
        devnet:
          scheme: insecure-fast
          slotsPerEpoch: 4
          accounting: $accounting
          ilCommitteeSize: 0
          network:
            latency: $latency
            loss: 0.05
          groups:
            - { count: 1, n: 3, m: 2, operator: tested }
          solos:
            count: 2
        """;
}
