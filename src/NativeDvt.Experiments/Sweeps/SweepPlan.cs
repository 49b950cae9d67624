using NativeDvt.Experiments.Scenarios;

namespace NativeDvt.Experiments.Sweeps;

/// <summary>The runs of a scenario: every sweep point once per seed.</summary>
public static class SweepPlan
{
    /// <summary>
    /// The runs of the default sweep, or of <c>--quick</c>. Repetition r of every point runs seed + r, so points are
    /// compared on the same seeds.
    /// </summary>
    public static IReadOnlyList<SweepRun> Runs(ScenarioSpec scenario, ulong seed, bool quick)
    {
        var (points, size) = quick ? (scenario.Points.Quick, scenario.Quick) : (scenario.Points.Full, scenario.Full);
        return [.. points.SelectMany(point => Enumerable.Range(0, size.Seeds).Select(r => (point, r)))
            .Select((p, i) => new SweepRun(i, p.point, seed + (ulong)p.r, size.Epochs))];
    }
}
