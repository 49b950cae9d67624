using System.Globalization;
using NativeDvt.Experiments.Metrics;
using NativeDvt.Experiments.Scenarios;
using NativeDvt.Experiments.Sweeps;

namespace NativeDvt.Experiments.Output;

/// <summary>One line of a plot: the mean over seeds of the metric at each x, with the smallest and largest run.</summary>
/// <param name="Label">The other bound names' values (<c>n=4, accounting=whole</c>), empty when there are none.</param>
/// <param name="Points">In sweep order.</param>
public sealed record PlotSeries(string Label, IReadOnlyList<PlotPoint> Points)
{
    /// <summary>
    /// The lines of <paramref name="plot"/> from <paramref name="results"/>: successful runs that match its filter,
    /// grouped by every bound name but x and the filtered ones.
    /// </summary>
    public static IReadOnlyList<PlotSeries> Of(PlotSpec plot, IReadOnlyList<RunResult> results)
    {
        var metric = RunMetrics.Names.ToList().IndexOf(plot.Y);
        var runs = results.Where(r => r.Succeeded && plot.Where.All(w => LabelOf(r, w.Key) == w.Value)).ToList();
        return [.. runs.GroupBy(r => SeriesLabel(r, plot)).Select(series => new PlotSeries(series.Key, [.. series
            .GroupBy(r => LabelOf(r, plot.X))
            .Select(x => new PlotPoint(x.Key, x.Average(r => r.Metrics[metric]), x.Min(r => r.Metrics[metric]), x.Max(r => r.Metrics[metric]), x.Count()))]))];
    }

    /// <summary>True when every x label of the plot is a number, so x can be drawn to scale.</summary>
    public static bool NumericX(IReadOnlyList<PlotSeries> series) =>
        series.SelectMany(s => s.Points).All(p => double.TryParse(p.X, NumberStyles.Float, CultureInfo.InvariantCulture, out _));

    private static string LabelOf(RunResult run, string name) => run.Run.Point.Labels.FirstOrDefault(l => l.Key == name).Value ?? string.Empty;

    private static string SeriesLabel(RunResult run, PlotSpec plot) =>
        string.Join(", ", run.Run.Point.Labels.Where(l => l.Key != plot.X && !plot.Where.ContainsKey(l.Key)).Select(l => $"{l.Key}={l.Value}"));
}

/// <summary>A metric at one x: mean, smallest and largest over the runs (seeds) there.</summary>
/// <param name="X">The x label.</param>
/// <param name="Mean">Mean over the runs.</param>
/// <param name="Min">Smallest run.</param>
/// <param name="Max">Largest run.</param>
/// <param name="Runs">How many runs (seeds) made it.</param>
public sealed record PlotPoint(string X, double Mean, double Min, double Max, int Runs);
