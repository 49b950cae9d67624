namespace NativeDvt.Devnet;

/// <summary>The simulated network: per-message latency, loss, proposers whose blocks leave late, and how identities share nodes.</summary>
/// <param name="Latency">One-way delay of each message.</param>
/// <param name="Loss">Probability that a message to one peer is dropped (0..1).</param>
/// <param name="LateProposers">Groups whose blocks are published late, with the delay.</param>
public sealed record NetworkSpec(LatencySpec Latency, double Loss, IReadOnlyList<LateProposerSpec> LateProposers)
{
    /// <summary>50 ms fixed latency, no loss: a quiet local network.</summary>
    public static readonly NetworkSpec Default = new(LatencySpec.Default, 0, []);

    /// <summary>
    /// Shared views (network.views): honest identities no fault names are packed onto this many nodes, at most one
    /// member of a group per node; null: one node per identity.
    /// </summary>
    public int? Views { get; init; }
}
