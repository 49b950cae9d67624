using Microsoft.Playwright;

namespace NativeDvt.Experiments.Tests;

/// <summary>
/// Opens a generated report.html in Debian's headless Chromium (Playwright drives it; nothing is downloaded) and
/// checks that every plot is an image the browser decoded. Without /usr/bin/chromium the test skips, unless CI is
/// set: then it fails, since CI installs Chromium (.ci/run).
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReportBrowserTests : IClassFixture<TinyReport>
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly TinyReport _report;

    public ReportBrowserTests(TinyReport report) => _report = report;

    [Fact]
    public async Task Report_OpenedInHeadlessChromium_ShowsEveryPlot()
    {
        if (!File.Exists(Chromium))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && ci != "false", $"CI is set but {Chromium} is missing (apt-get install chromium)");
            Assert.Skip($"{Chromium} is not installed (apt-get install chromium)");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(_report.Html).AbsoluteUri);

        var plots = page.Locator("img.plot");
        Assert.Equal(_report.Outcome.Scenario.Plots.Count, await plots.CountAsync());
        for (var i = 0; i < await plots.CountAsync(); i++)
        {
            var plot = plots.Nth(i);
            Assert.Equal(_report.Outcome.Scenario.Plots[i].Title, await plot.GetAttributeAsync("alt"));
            // naturalWidth is 0 for an image the browser could not decode.
            Assert.Equal(820, await plot.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0"));
        }

        Assert.Equal("Experiment: tiny", await page.Locator("h1").InnerTextAsync());
    }
}
