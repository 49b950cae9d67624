using NativeDvt.Experiments.Metrics;
using NativeDvt.Experiments.Scenarios;
using NativeDvt.Experiments.Sweeps;

namespace NativeDvt.Experiments.Tests;

[Trait("Category", "Unit")]
public sealed class SweepRunnerTests
{
    private static readonly ScenarioSpec Tiny = ScenarioFileReader.Parse(TinyScenario.Yaml, "tiny.yaml");

    [Fact]
    public void Run_OneRunThrows_ItIsReportedWithItsSeedAndTheOthersFinish()
    {
        var runs = SweepPlan.Runs(Tiny, 7, quick: true);
        var finished = 0;

        var results = SweepRunner.Run(runs, run => run.Index == 0 ? throw new InvalidOperationException("boom") : SweepRunner.Simulate(run), 2, _ => Interlocked.Increment(ref finished));

        Assert.Equal(runs.Count, finished);
        var failed = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(7UL, failed.Run.Seed);
        Assert.Equal("InvalidOperationException: boom", failed.Error);
        Assert.Empty(failed.Metrics);
        Assert.All(results.Where(r => r.Run.Index > 0), r =>
        {
            Assert.True(r.Succeeded, r.Error);
            Assert.Equal(RunMetrics.Names.Count, r.Metrics.Count);
        });
    }

    [Fact]
    public void Run_SameSeed_SameMetrics_AnotherSeedDiffers()
    {
        var runs = SweepPlan.Runs(Tiny, 7, quick: false).Where(r => r.Point.Describe() == "latency=80ms, accounting=whole").ToList();

        var first = SweepRunner.Run(runs, SweepRunner.Simulate, 2);
        var again = SweepRunner.Run(runs, SweepRunner.Simulate, 1);

        Assert.Equal([7UL, 8UL], first.Select(r => r.Run.Seed));
        Assert.Equal(first.Select(r => r.Metrics), again.Select(r => r.Metrics));
        var bytes = RunMetrics.Names.ToList().IndexOf("bytesPerSlot");
        Assert.True(first[0].Metrics[bytes] > 0);
        Assert.NotEqual(first[0].Metrics, first[1].Metrics);
    }

    [Fact]
    public void Simulate_SolosAndConsolidated_RunTheSameStakeAsOtherKeys()
    {
        var yaml = TinyScenario.Yaml.Replace("    values: [whole, component]", "    values: [whole]\n  - parameter: stake\n    values: [groups, solos, consolidated]", StringComparison.Ordinal);
        var scenario = ScenarioFileReader.Parse(yaml, "stake.yaml");
        var runs = SweepPlan.Runs(scenario, 7, quick: true);

        var results = SweepRunner.Run(runs, SweepRunner.Simulate, 2);

        var validators = RunMetrics.Names.ToList().IndexOf("validators");
        Assert.Equal([3.0, 5.0, 3.0], results.Select(r => r.Metrics[validators]));
    }
}
