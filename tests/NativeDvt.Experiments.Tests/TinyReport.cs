using NativeDvt.Experiments.Output;
using NativeDvt.Experiments.Scenarios;
using NativeDvt.Experiments.Sweeps;

namespace NativeDvt.Experiments.Tests;

/// <summary>The tiny scenario's quick sweep written to a fresh folder, one run failing on purpose.</summary>
public sealed class TinyReport : IDisposable
{
    public TinyReport()
    {
        var scenario = ScenarioFileReader.Parse(TinyScenario.Yaml, "tiny.yaml");
        var runs = SweepPlan.Runs(scenario, 7, quick: false);
        var results = SweepRunner.Run(runs, run => run.Index == 1 ? throw new InvalidOperationException("deliberate") : SweepRunner.Simulate(run), 2);
        Outcome = new ExperimentOutcome(scenario, 7, false, scenario.Full, results, 1.5, 2);
        Folder = Directory.CreateTempSubdirectory("ndvt-experiment-").FullName;
        Written = ExperimentFiles.Write(Outcome, Folder);
    }

    public ExperimentOutcome Outcome { get; }

    public string Folder { get; }

    public IReadOnlyList<string> Written { get; }

    public string Html => Path.Combine(Folder, "report.html");

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
