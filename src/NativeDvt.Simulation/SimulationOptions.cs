namespace NativeDvt.Simulation;

/// <summary>How to run a devnet file in the simulator.</summary>
/// <param name="Seed">Seeds keys, genesis RANDAO, latency and loss.</param>
/// <param name="Epochs">How many epochs to run.</param>
public sealed record SimulationOptions(ulong Seed, int Epochs)
{
    /// <summary>Shared views to pack honest identities onto (overrides the file's network.views); null: the file's.</summary>
    public int? Views { get; init; }

    /// <summary>
    /// Threads that run deliveries to different nodes at one instant; null: one per processor. The report is the same
    /// for every value (effects on shared state are replayed in the sequential order).
    /// </summary>
    public int? Threads { get; init; }

    /// <summary>
    /// MAX_EFFECTIVE_BALANCE per member key instead of the preset's 32 ETH; the consolidated comparison raises it
    /// (as EIP-7251 does) so that one key weighs what its group of n members weighed.
    /// </summary>
    public ulong? MaxEffectiveBalanceGwei { get; init; }
}
