using System.Net;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace NativeDvt.AppHost.Tests;

/// <summary>The real AppHost (Azurite, two silos, the HTTP host under DCP), started and stopped as <c>dotnet run --project AppHost</c> does.</summary>
[Trait("Category", "Devnet")]
public sealed class AppHostTests
{
    /// <summary>Genesis lies 25 s after the start, and devnets/smoke.yaml finalizes epoch 2 about 40 s after genesis.</summary>
    private static readonly TimeSpan FinalityTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Run_SmokeDevnet_FinalizesAnEpochOverHttpThenStops()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(FinalityTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(["--devnet", "devnets/smoke.yaml"], timeout.Token);
        await using var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("dashboard", timeout.Token);
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5080") };
        var health = await http.GetAsync(new Uri("/eth/v1/node/health", UriKind.Relative), timeout.Token);
        var genesis = await http.GetStringAsync(new Uri("/eth/v1/beacon/genesis", UriKind.Relative), timeout.Token);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"genesis_validators_root\":\"0x", genesis, StringComparison.Ordinal);

        var finalized = 0L;
        while (finalized == 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
            using var response = await http.GetAsync(new Uri("/eth/v1/beacon/states/head/finality_checkpoints", UriKind.Relative), timeout.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token));
                finalized = long.Parse(body.RootElement.GetProperty("data").GetProperty("finalized").GetProperty("epoch").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var header = await http.GetStringAsync(new Uri("/eth/v1/beacon/headers/finalized", UriKind.Relative), timeout.Token);
        var events = await http.GetStringAsync(new Uri("/api/events", UriKind.Relative), timeout.Token);
        Assert.True(finalized >= 1);
        Assert.Contains("\"finalized\":true", header, StringComparison.Ordinal);
        Assert.Contains("identity-started", events, StringComparison.Ordinal);
        await app.StopAsync(timeout.Token);
    }
}
