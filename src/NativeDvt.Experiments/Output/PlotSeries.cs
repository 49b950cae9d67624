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
    /// grouped by the plot's series names, else by the values of the other axes.
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

    // The names the plot lists, else the other axes' values: x's companions (m beside n) belong to x, and filtered
    // axes are the same on every line.
    private static string SeriesLabel(RunResult run, PlotSpec plot) => plot.Series.Count > 0
        ? string.Join(", ", plot.Series.Select(name => $"{name}={LabelOf(run, name)}"))
        : string.Join(", ", run.Run.Point.Values
            .Where(v => v.Value.Bindings.All(b => b.Key != plot.X && !plot.Where.ContainsKey(b.Key)))
            .Select(v => $"{v.Parameter}={v.Value.Label}"));
}

/// <summary>A metric at one x: mean, smallest and largest over the runs (seeds) there.</summary>
/// <param name="X">The x label.</param>
/// <param name="Mean">Mean over the runs.</param>
/// <param name="Min">Smallest run.</param>
/// <param name="Max">Largest run.</param>
/// <param name="Runs">How many runs (seeds) made it.</param>
public sealed record PlotPoint(string X, double Mean, double Min, double Max, int Runs);
