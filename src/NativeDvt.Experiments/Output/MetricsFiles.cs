using System.Globalization;
using System.Text;
using System.Text.Json;
using NativeDvt.Experiments.Metrics;

namespace NativeDvt.Experiments.Output;

/// <summary>Every run's figures and seed as <c>metrics.json</c> and as CSV (one row per run).</summary>
public static class MetricsFiles
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>The sweep as JSON: scenario, seed, size, and per run its labels, seed, metrics or error, and wall time.</summary>
    public static string Json(ExperimentOutcome outcome) => JsonSerializer.Serialize(new
    {
        scenario = outcome.Scenario.Name,
        question = outcome.Scenario.Question,
        command = outcome.Command,
        seed = outcome.Seed,
        quick = outcome.Quick,
        epochs = outcome.Size.Epochs,
        seedsPerPoint = outcome.Size.Seeds,
        parallelism = outcome.Parallelism,
        seconds = Math.Round(outcome.Seconds, 2),
        runs = outcome.Results.Select(r => new
        {
            run = r.Run.Index,
            seed = r.Run.Seed,
            parameters = r.Run.Point.Labels.ToDictionary(l => l.Key, l => l.Value),
            metrics = r.Succeeded ? RunMetrics.Names.Zip(r.Metrics).ToDictionary(p => p.First, p => p.Second) : null,
            error = r.Error,
            seconds = Math.Round(r.Seconds, 2),
        }),
    }, JsonOptions);

    /// <summary>One row per run: run, seed, each bound name, each metric (empty when the run failed), error.</summary>
    public static string Csv(ExperimentOutcome outcome)
    {
        var names = outcome.Results.SelectMany(r => r.Run.Point.Labels.Select(l => l.Key)).Distinct().ToList();
        var text = new StringBuilder();
        text.AppendJoin(',', ["run", "seed", .. names, .. RunMetrics.Names, "error"]).Append('\n');
        foreach (var r in outcome.Results)
        {
            var labels = names.Select(n => Cell(r.Run.Point.Labels.FirstOrDefault(l => l.Key == n).Value ?? string.Empty));
            var metrics = r.Succeeded ? r.Metrics.Select(v => v.ToString("R", CultureInfo.InvariantCulture)) : RunMetrics.Names.Select(_ => string.Empty);
            text.AppendJoin(',', [r.Run.Index.ToString(CultureInfo.InvariantCulture), r.Run.Seed.ToString(CultureInfo.InvariantCulture), .. labels, .. metrics, Cell(r.Error ?? string.Empty)]).Append('\n');
        }

        return text.ToString();
    }

    // RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled.
    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
