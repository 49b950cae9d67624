using System.CommandLine;
using System.Diagnostics;
using NativeDvt.Devnet;
using NativeDvt.Simulation;
using NativeDvt.Simulation.Comparison;
using NativeDvt.Simulation.Reporting;

namespace NativeDvt.Cli.Sim;

/// <summary>
/// <c>ndvt sim FILE.yaml [--seed N] [--epochs N] [--views N] [--threads N] [--json] [--compare] [--verbose]</c>: runs a devnet file in the simulator and prints the
/// report; with --compare, runs it also as solo keys and as consolidated keys and prints the three side by side.
/// </summary>
public static class SimCommand
{
    /// <summary>The command, to add to the root command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "the devnet file (devnets/*.yaml)" };
        var seed = new Option<ulong?>("--seed") { Description = "the seed (default: the file's seed, else 1)" };
        var epochs = new Option<int>("--epochs") { Description = "epochs to run", DefaultValueFactory = _ => 4 };
        var views = new Option<int?>("--views") { Description = "pack honest identities no fault names onto this many shared views (default: the file's network.views, else one node per identity)" };
        var threads = new Option<int?>("--threads") { Description = "threads that run deliveries to different nodes at once (default: one per processor; the report is the same for any count)" };
        var json = new Option<bool>("--json") { Description = "print the report as JSON" };
        var compare = new Option<bool>("--compare") { Description = "also run the same stake as solo keys and as consolidated keys, and compare" };
        var verbose = new Option<bool>("--verbose") { Description = "also print per-slot detail (the inclusion-list committee of every slot); --json always has it" };
        var command = new Command("sim", "run a devnet file in the deterministic simulator and print a summary") { file, seed, epochs, views, threads, json, compare, verbose };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            DevnetSpec spec;
            try
            {
                spec = DevnetFileReader.Load(path.FullName);
            }
            catch (Exception e) when (e is DevnetFileException or IOException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            var epochCount = parse.GetValue(epochs);
            if (epochCount < 1)
            {
                Console.Error.WriteLine("--epochs must be at least 1");
                return 2;
            }

            if (parse.GetValue(threads) is < 1)
            {
                Console.Error.WriteLine("--threads must be at least 1");
                return 2;
            }

            var options = new SimulationOptions(parse.GetValue(seed) ?? spec.Seed ?? 1, epochCount) { Views = parse.GetValue(views), Threads = parse.GetValue(threads) };
            var watch = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            if (parse.GetValue(compare))
            {
                var comparison = ComparisonReport.Run(spec, options);
                Console.Out.Write(parse.GetValue(json) ? ComparisonText.ToJson(comparison) + "\n" : ComparisonText.ToText(comparison));
                Console.Error.WriteLine($"wall time {watch.Elapsed.TotalSeconds:0.00} s, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s for the three runs");
                return 0;
            }

            DevnetSimulation simulation;
            try
            {
                simulation = DevnetSimulation.Create(spec, options);
            }
            catch (ArgumentException e) when (e.ParamName == "views")
            {
                Console.Error.WriteLine("--views: " + e.Message);
                return 2;
            }

            var setup = watch.Elapsed;
            var report = simulation.Run();
            watch.Stop();
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.Out.Write(parse.GetValue(json) ? ReportText.ToJson(report) + "\n" : ReportText.ToText(report, parse.GetValue(verbose)));
            using var process = Process.GetCurrentProcess();
            Console.Error.WriteLine($"wall time {watch.Elapsed.TotalSeconds:0.00} s (setup {setup.TotalSeconds:0.00} s), CPU {cpuUsed.TotalSeconds:0.00} s, "
                + $"peak working set {process.PeakWorkingSet64 / (1024.0 * 1024 * 1024):0.00} GiB, {simulation.ActionsRun} scheduler actions, {simulation.Threads} threads, GC pauses {GC.GetTotalPauseDuration().TotalSeconds:0.0} s ({GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} gen0/1/2), virtual time {simulation.Now.TotalSeconds:0} s");
            return 0;
        });
        return command;
    }
}
