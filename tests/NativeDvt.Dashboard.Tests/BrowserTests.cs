using Microsoft.Playwright;
using NativeDvt.Tests;

namespace NativeDvt.Dashboard.Tests;

/// <summary>
/// The pages in a real browser (Debian's Chromium through Playwright): they load, follow the devnet live without a
/// reload, and a fault injected from the Faults page appears in the ledger with what it did. Every page's screenshot is
/// saved to .artifacts/dashboard-screenshots.
/// </summary>
[Collection(DashboardCollection.Name)]
[Trait("Category", "Browser")]
public sealed class BrowserTests(DashboardDevnet devnet) : IAsyncLifetime
{
    private static readonly string Screenshots = Path.Combine(RepositoryPaths.Root, ".artifacts", "dashboard-screenshots");

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        var chromium = Chromium.RequirePath();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Args = ["--no-sandbox"] });
        _page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        Directory.CreateDirectory(Screenshots);
    }

    [Fact]
    public async Task Pages_Load_FollowTheHeadWithoutReload_AndShowTheirCharts()
    {
        await _page.GotoAsync(devnet.BaseAddress.ToString());
        await Assertions.Expect(_page.Locator("#live")).ToHaveTextAsync("live", new() { Timeout = 30_000 });
        var first = ulong.Parse(await _page.Locator("#head-slot").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await _page.WaitForFunctionAsync($"() => Number(document.querySelector('#head-slot').textContent) > {first}", null, new() { Timeout = 20_000 });

        string[] expected = ["#participation svg, #participation p", "#latency svg"];
        foreach (var selector in expected)
        {
            Assert.True(await _page.Locator(selector).CountAsync() > 0, $"the overview has no {selector}");
        }

        await ShootAsync("overview", "#/", "#tiles .tile");
        await ShootAsync("groups", "#/groups", "#groups table tr >> nth=2");
        await ShootAsync("group-0", "#/groups/0", "#gmembers table");
        await ShootAsync("identities", "#/identities", "#ids table");
        await ShootAsync("identity-g0-m0", "#/identities/g0-m0", "#ihwm table");
        await ShootAsync("events", "#/events", "#elist table");
        await ShootAsync("network", "#/network", "#ntable table");
    }

    [Fact]
    public async Task FaultFromThePage_AppearsInTheLedger_WithTheDutiesItCost()
    {
        await _page.GotoAsync(new Uri(devnet.BaseAddress, "#/faults").ToString());
        await Assertions.Expect(_page.Locator("#live")).ToHaveTextAsync("live", new() { Timeout = 30_000 });
        await _page.FillAsync("#f-token", DashboardDevnet.Token);
        await _page.SelectOptionAsync("#f-kind", "stop");
        await _page.FillAsync("#f-identities", "g1");
        await _page.ClickAsync("#f-apply");
        await Assertions.Expect(_page.Locator("#f-result")).ToContainTextAsync("applied to g1-m0");

        // The solo g1 stopped: it earns nothing in the next settled epoch, and the ledger says so without a reload.
        var row = _page.Locator("#ledger tr", new() { HasText = "stop g1-m0" });
        await Assertions.Expect(row).ToContainTextAsync("g1 e", new() { Timeout = 60_000 });

        await _page.SelectOptionAsync("#f-kind", "start");
        await _page.FillAsync("#f-identities", "g1");
        await _page.ClickAsync("#f-apply");
        await Assertions.Expect(_page.Locator("#f-result")).ToContainTextAsync("applied to g1-m0");
        await Assertions.Expect(row).ToContainTextAsync("every stopped identity signs again", new() { Timeout = 60_000 });
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "faults.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private async Task ShootAsync(string name, string hash, string shows)
    {
        await _page.GotoAsync(new Uri(devnet.BaseAddress, hash).ToString());
        await Assertions.Expect(_page.Locator(shows).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }
}
