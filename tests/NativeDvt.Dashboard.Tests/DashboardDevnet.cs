using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NativeDvt.Dashboard;
using NativeDvt.Dashboard.Api;
using NativeDvt.Dashboard.Faults;
using NativeDvt.Testing;

namespace NativeDvt.Dashboard.Tests;

/// <summary>
/// A small BLS devnet on the TestingHost (a 2-of-3 group and a solo, 1 s slots, 4-slot epochs) with the devnet's HTTP
/// host in front of it on a free 127.0.0.1 port, as <c>dotnet run --project AppHost</c> serves it: pages, API, metrics.
/// BLS, so that a Beacon-API client's 48-byte public keys hold.
/// </summary>
public sealed class DashboardDevnet : IAsyncLifetime
{
    /// <summary>The fault controls' token.</summary>
    public const string Token = "test-fault-token";

    private const string Yaml = """
        name: dashboard
        scheme: bls
        slotTime: 1s
        slotsPerEpoch: 4
        groups:
          - { count: 1, n: 3, m: 2 }
        solos:
          count: 1
        """;

    private WebApplication? _app;

    /// <summary>The devnet.</summary>
    public TestDevnet Devnet { get; private set; } = null!;

    /// <summary>The HTTP host's base address, http://127.0.0.1:port.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A client of the HTTP host without the token.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        Devnet = await TestDevnet.FromYamlAsync(Yaml, new TestDevnetOptions { WaitTimeout = TimeSpan.FromSeconds(120) });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<IGrainFactory>(Devnet.Client);
        builder.Services.AddSingleton(new FaultToken(Token));
        builder.Services.AddDevnetApi();
        _app = builder.Build();
        _app.UseDashboardPages();
        _app.MapDevnetApi();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await Devnet.WaitForSlotAsync(3);
    }

    /// <summary>POSTs a fault request, with <paramref name="token"/> (the right one by default; null: none).</summary>
    public Task<HttpResponseMessage> PostFaultAsync(string kind, string body, string? token = Token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/faults/{kind}") { Content = new StringContent(body, MediaTypeHeaderValue.Parse("application/json")) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Http.SendAsync(request);
    }

    /// <summary>GETs <paramref name="path"/> as JSON, asserting 200.</summary>
    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Polls <c>/api/view</c> until <paramref name="done"/> holds of it.</summary>
    public async Task<JsonNode> WaitForViewAsync(string what, Func<JsonNode, bool> done, TimeSpan? timeout = null)
    {
        var until = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        JsonNode? last = null;
        while (DateTimeOffset.UtcNow < until)
        {
            using var response = await Http.GetAsync("/api/view");
            if (response.IsSuccessStatusCode)
            {
                last = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                if (done(last))
                {
                    return last;
                }
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"waited for {what}; the last view: {last?.ToJsonString()[..Math.Min(2000, last.ToJsonString().Length)]}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Devnet is not null)
        {
            await Devnet.DisposeAsync();
        }
    }
}

/// <summary>The tests that share one <see cref="DashboardDevnet"/>, run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardDevnet>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "dashboard devnet";
}
