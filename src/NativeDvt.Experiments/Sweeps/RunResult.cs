namespace NativeDvt.Experiments.Sweeps;

/// <summary>What one run gave: its metrics, or why it failed.</summary>
/// <param name="Run">The run.</param>
/// <param name="Metrics">In <see cref="Metrics.RunMetrics.Names"/> order; empty when the run failed.</param>
/// <param name="Error">The failure (exception type and message), or null.</param>
/// <param name="Seconds">Wall time the run took.</param>
public sealed record RunResult(SweepRun Run, IReadOnlyList<double> Metrics, string? Error, double Seconds)
{
    /// <summary>True when the run produced metrics.</summary>
    public bool Succeeded => Error is null;
}
