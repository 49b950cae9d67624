using System.CommandLine;
using System.Diagnostics;
using NativeDvt.Devnet;
using NativeDvt.Experiments.Output;
using NativeDvt.Experiments.Scenarios;
using NativeDvt.Experiments.Sweeps;
using Spectre.Console;

namespace NativeDvt.Cli.Experiment;

/// <summary>
/// <c>ndvt experiment SCENARIO [--seed N] [--out DIR] [--quick]</c>: runs a scenario's sweep on every core with a
/// progress bar and writes report.html, a PNG per plot, metrics.json and metrics.csv (docs/experiments.md).
/// </summary>
public static class ExperimentCommand
{
    /// <summary>The command, to add to the root command.</summary>
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "a scenario file, or a built-in scenario's name (ndvt experiments lists them)" };
        var seed = new Option<ulong?>("--seed") { Description = "the first seed (default: the scenario's seed, else 1); repetition r runs seed + r" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "where to write the report (default: experiments/NAME)" };
        var quick = new Option<bool>("--quick") { Description = "the scenario's short sweep (fewer values, epochs and seeds)" };
        var parallel = new Option<int?>("--parallel") { Description = "runs at once (default: one per processor)" };
        var command = new Command("experiment", "run a scenario's sweep in the simulator and write an HTML report with plots") { scenario, seed, output, quick, parallel };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(scenario)!;
            if (ScenarioLocator.Find(name) is not { } path)
            {
                Console.Error.WriteLine($"{name}: no such file and no built-in scenario of that name (ndvt experiments lists them)");
                return 2;
            }

            ScenarioSpec spec;
            try
            {
                spec = ScenarioFileReader.Load(path);
            }
            catch (Exception e) when (e is DevnetFileException or IOException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            if (path != name)
            {
                // A built-in scenario: the report's command names it as the user did, not by its copy beside ndvt.
                spec = spec with { File = name };
            }

            var parallelism = parse.GetValue(parallel) ?? Environment.ProcessorCount;
            if (parallelism < 1)
            {
                Console.Error.WriteLine("--parallel must be at least 1");
                return 2;
            }

            var first = parse.GetValue(seed) ?? spec.Seed;
            var isQuick = parse.GetValue(quick);
            var folder = parse.GetValue(output)?.FullName ?? Path.Combine("experiments", spec.Name);
            var outcome = Run(spec, first, isQuick, parallelism);
            foreach (var failed in outcome.Results.Where(r => !r.Succeeded))
            {
                Console.Error.WriteLine($"run {failed.Run.Index} failed (seed {failed.Run.Seed}, {failed.Run.Point.Describe()}): {failed.Error}");
            }

            var written = ExperimentFiles.Write(outcome, folder);
            Console.Out.WriteLine($"{spec.Name}: {outcome.Results.Count} runs ({outcome.Results.Count(r => !r.Succeeded)} failed) in {outcome.Seconds:0.0} s, {parallelism} at a time");
            foreach (var file in written)
            {
                Console.Out.WriteLine("  " + file);
            }

            return 0;
        });
        return command;
    }

    private static ExperimentOutcome Run(ScenarioSpec spec, ulong seed, bool quick, int parallelism)
    {
        var runs = SweepPlan.Runs(spec, seed, quick);
        var size = quick ? spec.Quick : spec.Full;
        var watch = Stopwatch.StartNew();
        IReadOnlyList<RunResult> results = [];
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask($"{spec.Name}: 0/{runs.Count} runs", maxValue: runs.Count);
                var (done, failed) = (0, 0);
                results = SweepRunner.Run(runs, SweepRunner.Simulate, parallelism, result =>
                {
                    var finished = Interlocked.Increment(ref done);
                    var failures = result.Succeeded ? Volatile.Read(ref failed) : Interlocked.Increment(ref failed);
                    task.Description = $"{spec.Name}: {finished}/{runs.Count} runs{(failures > 0 ? $", {failures} failed" : string.Empty)}";
                    task.Increment(1);
                });
            });
        return new ExperimentOutcome(spec, seed, quick, size, results, watch.Elapsed.TotalSeconds, parallelism);
    }
}
