using NativeDvt.Experiments.Metrics;
using NativeDvt.Experiments.Output;
using NativeDvt.Experiments.Scenarios;
using NativeDvt.Experiments.Sweeps;

namespace NativeDvt.Experiments.Tests;

[Trait("Category", "Unit")]
public sealed class PlotSeriesTests
{
    // x = n, whose values bind m as a companion: m must not split the lines, the other axis must.
    private static readonly ScenarioSpec Scenario = ScenarioFileReader.Parse(TinyScenario.Yaml
        .Replace("  - parameter: latency\n    values: [20ms, 80ms]\n    quick: [20ms]", "  - parameter: n\n    values: [{ n: 3, m: 2 }, { n: 4, m: 3 }]", StringComparison.Ordinal)
        .Replace("x: latency", "x: n", StringComparison.Ordinal)
        .Replace("latency: $latency", "latency: 50ms", StringComparison.Ordinal)
        .Replace("n: 3, m: 2,", "n: $n, m: $m,", StringComparison.Ordinal), "series.yaml");

    [Fact]
    public void Of_MeanMinMaxPerX_OneLinePerOtherAxisValue_CompanionsBelongToX()
    {
        var runs = SweepPlan.Runs(Scenario, 1, quick: false);
        var target = RunMetrics.Names.ToList().IndexOf("target");
        // Each run's target is its index; run 1 (seed 2 of the first point) failed and is left out.
        var results = runs.Select(r => r.Index == 1
            ? new RunResult(r, [], "boom", 0)
            : new RunResult(r, [.. RunMetrics.Names.Select((_, i) => i == target ? r.Index : 0.0)], null, 0)).ToList();

        var series = PlotSeries.Of(Scenario.Plots[0], results);

        Assert.Equal(["accounting=whole", "accounting=component"], series.Select(s => s.Label));
        var whole = series[0].Points;
        Assert.Equal(["3", "4"], whole.Select(p => p.X));
        Assert.Equal((0.0, 0.0, 0.0, 1), (whole[0].Mean, whole[0].Min, whole[0].Max, whole[0].Runs));
        Assert.Equal((4.5, 4.0, 5.0, 2), (whole[1].Mean, whole[1].Min, whole[1].Max, whole[1].Runs));
        Assert.True(PlotSeries.NumericX(series));
    }

    [Fact]
    public void Of_Where_KeepsOnlyMatchingRuns()
    {
        var runs = SweepPlan.Runs(Scenario, 1, quick: false);
        var results = runs.Select(r => new RunResult(r, [.. RunMetrics.Names.Select(_ => 1.0)], null, 0)).ToList();

        var series = PlotSeries.Of(Scenario.Plots[1], results);

        var line = Assert.Single(series);
        Assert.Equal(string.Empty, line.Label);
        Assert.All(line.Points, p => Assert.Equal(2, p.Runs));
    }
}
