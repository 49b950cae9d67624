using System.Diagnostics;
using NativeDvt.Devnet;
using NativeDvt.Experiments.Metrics;
using NativeDvt.Experiments.Scenarios;
using NativeDvt.Simulation;
using NativeDvt.Simulation.Comparison;
using NativeDvt.Simulation.Reporting;

namespace NativeDvt.Experiments.Sweeps;

/// <summary>
/// Runs a sweep's runs on several threads, one simulator run per thread at a time: a run that throws is recorded
/// with its seed and the others go on.
/// </summary>
public static class SweepRunner
{
    /// <summary>
    /// Runs every run with <paramref name="simulate"/> on up to <paramref name="parallelism"/> threads and calls
    /// <paramref name="finished"/> (from any thread) as each ends. Results come back in run order.
    /// </summary>
    public static IReadOnlyList<RunResult> Run(
        IReadOnlyList<SweepRun> runs, Func<SweepRun, SimulationReport> simulate, int parallelism, Action<RunResult>? finished = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var results = new RunResult[runs.Count];
        Parallel.For(0, runs.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            var watch = Stopwatch.StartNew();
            RunResult result;
            try
            {
                result = new RunResult(runs[i], RunMetrics.Of(simulate(runs[i]), DevnetOf(runs[i].Point)), null, 0);
            }
            catch (Exception e)
            {
                result = new RunResult(runs[i], [], $"{e.GetType().Name}: {e.Message}", 0);
            }

            results[i] = result with { Seconds = watch.Elapsed.TotalSeconds };
            finished?.Invoke(results[i]);
        });
        return results;
    }

    /// <summary>The devnet a point runs: as written, or its stake as solo or consolidated keys.</summary>
    public static DevnetSpec DevnetOf(SweepPoint point) => point.Stake switch
    {
        StakeForm.Solos => DevnetVariants.AsSolos(point.Devnet),
        StakeForm.Consolidated => DevnetVariants.AsConsolidated(point.Devnet),
        _ => point.Devnet,
    };

    /// <summary>
    /// The simulator run of <paramref name="run"/>. One thread per run: the sweep already runs as many runs at once as
    /// there are cores. A consolidated key may hold its whole group's balance, as EIP-7251 allows.
    /// </summary>
    public static SimulationReport Simulate(SweepRun run)
    {
        var options = new SimulationOptions(run.Seed, run.Epochs) { Threads = 1 };
        if (run.Point.Stake == StakeForm.Consolidated)
        {
            options = options with { MaxEffectiveBalanceGwei = DevnetVariants.MaxEffectiveBalanceFor(run.Point.Devnet) };
        }

        return DevnetSimulation.Create(DevnetOf(run.Point), options).Run();
    }
}
