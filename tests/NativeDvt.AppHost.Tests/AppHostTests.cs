using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace NativeDvt.AppHost.Tests;

/// <summary>The real AppHost (Azurite, two silos, the HTTP host under DCP), started and stopped as <c>dotnet run --project AppHost</c> does.</summary>
[Trait("Category", "Devnet")]
public sealed class AppHostTests
{
    /// <summary>Generous for a loaded 2-core machine; a run here takes about 30 s.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Run_DefaultDevnet_NodeHealthIs200ThenStops()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(timeout.Token);
        await using var app = await builder.BuildAsync(timeout.Token);

        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("dashboard", timeout.Token);
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5080") };
        var health = await http.GetAsync(new Uri("/eth/v1/node/health", UriKind.Relative), timeout.Token);
        var genesis = await http.GetStringAsync(new Uri("/eth/v1/beacon/genesis", UriKind.Relative), timeout.Token);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"genesis_validators_root\":\"0x", genesis, StringComparison.Ordinal);
        await app.StopAsync(timeout.Token);
    }
}
