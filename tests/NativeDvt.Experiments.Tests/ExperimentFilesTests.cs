using System.Text.Json;

namespace NativeDvt.Experiments.Tests;

[Trait("Category", "Unit")]
public sealed class ExperimentFilesTests(TinyReport report) : IClassFixture<TinyReport>
{
    [Fact]
    public void Write_TinySweep_WritesAPngPerPlotMetricsAndAReport()
    {
        Assert.Equal(["target-by-latency.png", "bytes-per-slot.png", "metrics.json", "metrics.csv", "report.html"], report.Written.Select(Path.GetFileName));
        foreach (var png in report.Written.Where(p => p.EndsWith(".png", StringComparison.Ordinal)))
        {
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
        }
    }

    [Fact]
    public void Write_FailedRun_IsInEveryFileWithItsSeed()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(report.Folder, "metrics.json")));
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(8, runs.Count);
        var failed = Assert.Single(runs, r => r.GetProperty("error").ValueKind == JsonValueKind.String);
        Assert.Equal(8UL, failed.GetProperty("seed").GetUInt64());
        Assert.Equal("InvalidOperationException: deliberate", failed.GetProperty("error").GetString());

        var csv = File.ReadAllLines(Path.Combine(report.Folder, "metrics.csv"));
        Assert.Equal(9, csv.Length);
        Assert.StartsWith("run,seed,latency,accounting,finalizedEpoch,", csv[0], StringComparison.Ordinal);
        Assert.StartsWith("1,8,20ms,whole,,", csv[2], StringComparison.Ordinal);
        Assert.EndsWith(",InvalidOperationException: deliberate", csv[2], StringComparison.Ordinal);

        var html = File.ReadAllText(report.Html);
        Assert.Contains("<tr class=\"fail\"><td>1</td><td>8</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_EmbedsEveryPlotAsBase64_SoTheFileStandsAlone()
    {
        var html = File.ReadAllText(report.Html);

        Assert.Equal(2, html.Split("<img class=\"plot\"").Length - 1);
        Assert.Contains("src=\"data:image/png;base64,iVBORw0KGgo", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.Contains(report.Outcome.Command, html, StringComparison.Ordinal);
    }
}
