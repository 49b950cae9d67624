using System.CommandLine;
using NativeDvt.Devnet;
using NativeDvt.Experiments.Scenarios;
using NativeDvt.Experiments.Sweeps;

namespace NativeDvt.Cli.Experiment;

/// <summary><c>ndvt experiments</c>: one line per built-in scenario: its name, its runs (default and quick) and its question.</summary>
public static class ExperimentsCommand
{
    /// <summary>The command, to add to the root command.</summary>
    public static Command Create()
    {
        var command = new Command("experiments", "list the built-in experiment scenarios (scenarios/*.yaml)");
        command.SetAction(_ =>
        {
            var files = ScenarioLocator.BuiltIn();
            if (files.Count == 0)
            {
                Console.Error.WriteLine($"no built-in scenarios in {ScenarioLocator.BuiltInFolder}");
                return 1;
            }

            foreach (var file in files)
            {
                try
                {
                    var s = ScenarioFileReader.Load(file);
                    var (full, quick) = (SweepPlan.Runs(s, s.Seed, quick: false).Count, SweepPlan.Runs(s, s.Seed, quick: true).Count);
                    Console.Out.WriteLine($"{s.Name,-18} {full,3} runs ({quick,2} quick)  {s.Question}");
                }
                catch (DevnetFileException e)
                {
                    Console.Out.WriteLine($"{Path.GetFileNameWithoutExtension(file),-18} unreadable: {e.Message}");
                }
            }

            return 0;
        });
        return command;
    }
}
