using System.Globalization;
using NativeDvt.Experiments.Scenarios;
using ScottPlot;

namespace NativeDvt.Experiments.Output;

/// <summary>Draws a plot's lines as a PNG with ScottPlot: mean over seeds, a bar from the smallest to the largest run.</summary>
public static class PlotRenderer
{
    private const int Width = 820, Height = 560;

    /// <summary>The PNG of <paramref name="plot"/> drawn from <paramref name="series"/>.</summary>
    public static byte[] Png(PlotSpec plot, IReadOnlyList<PlotSeries> series)
    {
        using var figure = new Plot();
        var numeric = PlotSeries.NumericX(series);
        var categories = series.SelectMany(s => s.Points.Select(p => p.X)).Distinct().ToList();
        double X(string label) => numeric ? double.Parse(label, CultureInfo.InvariantCulture) : categories.IndexOf(label);
        foreach (var line in series)
        {
            var xs = line.Points.Select(p => X(p.X)).ToArray();
            var scatter = figure.Add.Scatter(xs, line.Points.Select(p => p.Mean).ToArray());
            scatter.LegendText = line.Label;
            scatter.MarkerSize = 7;
            if (line.Points.Any(p => p.Max > p.Min))
            {
                var bars = new ScottPlot.Plottables.ErrorBar(xs, [.. line.Points.Select(p => p.Mean)], null, null,
                    [.. line.Points.Select(p => p.Max - p.Mean)], [.. line.Points.Select(p => p.Mean - p.Min)]) { Color = scatter.Color };
                figure.Add.Plottable(bars);
            }
        }

        if (!numeric)
        {
            figure.Axes.Bottom.SetTicks([.. categories.Select((_, i) => (double)i)], [.. categories]);
        }

        figure.Title(plot.Title);
        figure.XLabel(plot.X);
        figure.YLabel(plot.Y);
        if (series.Any(s => s.Label.Length > 0))
        {
            figure.ShowLegend(Edge.Bottom);
        }

        return figure.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
