using NativeDvt.Experiments.Scenarios;
using NativeDvt.Experiments.Sweeps;

namespace NativeDvt.Experiments.Output;

/// <summary>A finished sweep: what ran, with which seed, and every run's result.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Seed">The first seed (repetition r ran seed + r).</param>
/// <param name="Quick">Whether this was the <c>--quick</c> sweep.</param>
/// <param name="Size">Epochs per run and seeds per point.</param>
/// <param name="Results">Every run, in sweep order.</param>
/// <param name="Seconds">Wall time of the whole sweep.</param>
/// <param name="Parallelism">Runs that ran at once.</param>
public sealed record ExperimentOutcome(ScenarioSpec Scenario, ulong Seed, bool Quick, SweepSize Size, IReadOnlyList<RunResult> Results, double Seconds, int Parallelism)
{
    /// <summary>The command that reproduces this sweep.</summary>
    public string Command => $"ndvt experiment {Scenario.File ?? Scenario.Name} --seed {Seed}{(Quick ? " --quick" : string.Empty)}";
}
