using System.Text.RegularExpressions;
using NativeDvt.Experiments.Scenarios;

namespace NativeDvt.Experiments.Output;

/// <summary>Writes a sweep's outputs into a folder: report.html, one PNG per plot, metrics.json and metrics.csv.</summary>
public static partial class ExperimentFiles
{
    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Unsafe();

    /// <summary>Renders the plots and writes every file; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(ExperimentOutcome outcome, string folder)
    {
        Directory.CreateDirectory(folder);
        var plots = outcome.Scenario.Plots.Select(p => (Plot: p, Png: PlotRenderer.Png(p, PlotSeries.Of(p, outcome.Results)))).ToList();
        var written = new List<string>();
        void Save(string name, Action<string> write)
        {
            var path = Path.Combine(folder, name);
            write(path);
            written.Add(path);
        }

        foreach (var (plot, png) in plots)
        {
            Save(PngName(plot), path => File.WriteAllBytes(path, png));
        }

        Save("metrics.json", path => File.WriteAllText(path, MetricsFiles.Json(outcome)));
        Save("metrics.csv", path => File.WriteAllText(path, MetricsFiles.Csv(outcome)));
        Save("report.html", path => File.WriteAllText(path, HtmlReport.Of(outcome, plots)));
        return written;
    }

    /// <summary>The PNG's file name: the plot's title in lower case, runs of other characters as one dash.</summary>
    public static string PngName(PlotSpec plot) => Unsafe().Replace(plot.Title.ToLowerInvariant(), "-").Trim('-') + ".png";
}
