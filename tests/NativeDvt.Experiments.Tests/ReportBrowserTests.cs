using Microsoft.Playwright;
using NativeDvt.Tests;

namespace NativeDvt.Experiments.Tests;

/// <summary>
/// Opens a generated report.html in Debian's headless Chromium (Playwright drives it; nothing is downloaded) and
/// checks that every plot is an image the browser decoded. Without Chromium the test skips, and fails under CI
/// (<see cref="Chromium.RequirePath"/>), since CI installs it (.ci/run).
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReportBrowserTests(TinyReport report) : IClassFixture<TinyReport>
{
    [Fact]
    public async Task Report_OpenedInHeadlessChromium_ShowsEveryPlot()
    {
        var chromium = Chromium.RequirePath();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(report.Html).AbsoluteUri);

        var plots = page.Locator("img.plot");
        Assert.Equal(report.Outcome.Scenario.Plots.Count, await plots.CountAsync());
        for (var i = 0; i < await plots.CountAsync(); i++)
        {
            var plot = plots.Nth(i);
            Assert.Equal(report.Outcome.Scenario.Plots[i].Title, await plot.GetAttributeAsync("alt"));
            // naturalWidth is 0 for an image the browser could not decode.
            Assert.Equal(820, await plot.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0"));
        }

        Assert.Equal("Experiment: tiny", await page.Locator("h1").InnerTextAsync());
    }
}
