using NativeDvt.Devnet;

namespace NativeDvt.Experiments.Scenarios;

/// <summary>One combination of the axes' values, with the devnet it makes.</summary>
/// <param name="Labels">Every bound name with its label, in axis order (companion names after their parameter).</param>
/// <param name="Devnet">The devnet template with the placeholders filled, read and checked.</param>
/// <param name="Stake">How the stake runs: as written, as solo keys or as consolidated keys (the reserved name <c>stake</c>).</param>
/// <param name="Values">The value taken on each axis, in axis order.</param>
public sealed record SweepPoint(IReadOnlyList<KeyValuePair<string, string>> Labels, DevnetSpec Devnet, StakeForm Stake, IReadOnlyList<(string Parameter, SweepValue Value)> Values)
{
    /// <summary>The point's labels as <c>name=value, ...</c>.</summary>
    public string Describe() => string.Join(", ", Labels.Select(l => $"{l.Key}={l.Value}"));
}

/// <summary>The reserved sweep parameter <c>stake</c>: the same devnet run as written, as solo keys or as consolidated keys.</summary>
public enum StakeForm
{
    /// <summary>As the devnet says: groups of member keys.</summary>
    Groups,

    /// <summary>Every member key a solo validator (<see cref="Simulation.Comparison.DevnetVariants.AsSolos"/>).</summary>
    Solos,

    /// <summary>Every group one key holding its balance (<see cref="Simulation.Comparison.DevnetVariants.AsConsolidated"/>).</summary>
    Consolidated,
}
