namespace NativeDvt.Devnet;

/// <summary>The simulated network: per-message latency, loss, and proposers whose blocks leave late.</summary>
/// <param name="Latency">One-way delay of each message.</param>
/// <param name="Loss">Probability that a message to one peer is dropped (0..1).</param>
/// <param name="LateProposers">Groups whose blocks are published late, with the delay.</param>
public sealed record NetworkSpec(LatencySpec Latency, double Loss, IReadOnlyList<LateProposerSpec> LateProposers)
{
    /// <summary>50 ms fixed latency, no loss: a quiet local network.</summary>
    public static readonly NetworkSpec Default = new(LatencySpec.Default, 0, []);
}
