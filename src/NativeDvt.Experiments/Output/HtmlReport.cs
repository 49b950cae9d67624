using System.Globalization;
using System.Net;
using System.Text;
using NativeDvt.Experiments.Metrics;

namespace NativeDvt.Experiments.Output;

/// <summary>
/// The sweep as one self-contained HTML page: question, setup, each plot (its PNG embedded as base64, so the file
/// opens anywhere on its own), the mean of every plotted metric per point, failed runs with their seeds, every run.
/// </summary>
public static class HtmlReport
{
    /// <summary>The page; <paramref name="plots"/> are the PNGs in the scenario's plot order.</summary>
    public static string Of(ExperimentOutcome outcome, IReadOnlyList<(Scenarios.PlotSpec Plot, byte[] Png)> plots)
    {
        var s = outcome.Scenario;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(s.Name)).Append("</title>\n")
            .Append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}table{border-collapse:collapse;font-size:13px}")
            .Append("td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#eee}td.l,th.l{text-align:left}.fail{color:#b00}</style>\n")
            .Append("</head><body>\n<h1>Experiment: ").Append(E(s.Name)).Append("</h1>\n<p><b>Question.</b> ").Append(E(s.Question)).Append("</p>\n");
        var failed = outcome.Results.Count(r => !r.Succeeded);
        html.Append("<p><b>Setup.</b> ").Append(outcome.Results.Count).Append(" runs (").Append(outcome.Size.Seeds).Append(" seeds per point, ")
            .Append(outcome.Size.Epochs).Append(" epochs each), seeds from ").Append(outcome.Seed).Append(", ").Append(outcome.Parallelism)
            .Append(" at a time; took ").Append(outcome.Seconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" s; ")
            .Append(failed).Append(" failed. Command: <code>").Append(E(outcome.Command)).Append("</code></p>\n<ul>\n");
        foreach (var axis in s.Axes)
        {
            html.Append("<li>").Append(E(axis.Parameter)).Append(": ").Append(E(string.Join(" | ", axis.Values.Select(v => v.Label)))).Append("</li>\n");
        }

        html.Append("</ul>\n<h2>Plots</h2>\n");
        foreach (var (plot, png) in plots)
        {
            html.Append("<figure><img class=\"plot\" alt=\"").Append(E(plot.Title)).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(png)).Append("\"><figcaption>").Append(E(plot.Title)).Append(": ").Append(E(plot.Y)).Append(", ")
                .Append(E(RunMetrics.Meaning(plot.Y))).Append("; mean over seeds, bars from the smallest to the largest run</figcaption></figure>\n");
        }

        Failures(html, outcome);
        Runs(html, outcome, [.. s.Plots.Select(p => p.Y).Distinct()]);
        return html.Append("</body></html>\n").ToString();
    }

    private static void Failures(StringBuilder html, ExperimentOutcome outcome)
    {
        html.Append("<h2>Failed runs</h2>\n");
        var failed = outcome.Results.Where(r => !r.Succeeded).ToList();
        if (failed.Count == 0)
        {
            html.Append("<p>none</p>\n");
            return;
        }

        html.Append("<table><tr><th>run</th><th>seed</th><th class=\"l\">point</th><th class=\"l\">error</th></tr>\n");
        foreach (var r in failed)
        {
            html.Append("<tr class=\"fail\"><td>").Append(r.Run.Index).Append("</td><td>").Append(r.Run.Seed).Append("</td><td class=\"l\">")
                .Append(E(r.Run.Point.Describe())).Append("</td><td class=\"l\">").Append(E(r.Error!)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Runs(StringBuilder html, ExperimentOutcome outcome, IReadOnlyList<string> metrics)
    {
        var columns = metrics.Select(m => RunMetrics.Names.ToList().IndexOf(m)).ToList();
        html.Append("<h2>Runs</h2>\n<p>The plotted metrics of every run; metrics.json and the CSV hold all of them.</p>\n<table><tr><th>run</th><th>seed</th><th class=\"l\">point</th>");
        foreach (var m in metrics)
        {
            html.Append("<th title=\"").Append(E(RunMetrics.Meaning(m))).Append("\">").Append(E(m)).Append("</th>");
        }

        html.Append("<th>s</th></tr>\n");
        foreach (var r in outcome.Results)
        {
            html.Append("<tr><td>").Append(r.Run.Index).Append("</td><td>").Append(r.Run.Seed).Append("</td><td class=\"l\">").Append(E(r.Run.Point.Describe())).Append("</td>");
            foreach (var c in columns)
            {
                html.Append("<td>").Append(r.Succeeded ? r.Metrics[c].ToString("0.####", CultureInfo.InvariantCulture) : "failed").Append("</td>");
            }

            html.Append("<td>").Append(r.Seconds.ToString("0.0", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
