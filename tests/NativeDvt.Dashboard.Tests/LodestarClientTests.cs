using System.Diagnostics;
using System.Text.Json.Nodes;
using NativeDvt.Tests;

namespace NativeDvt.Dashboard.Tests;

/// <summary>
/// Lodestar's Beacon-API client (tests/interop/beacon-api, pinned in its package-lock.json and installed from npm by
/// this test) reads the devnet: it checks every response against the standard's types, so a wrong shape fails here.
/// </summary>
[Collection(DashboardCollection.Name)]
[Trait("Category", "Interop")]
public sealed class LodestarClientTests(DashboardDevnet devnet)
{
    [Fact]
    public async Task LodestarClient_ReadsEveryServedEndpoint_AndAHeadEvent()
    {
        var folder = await NodePackages.EnsureInstalledAsync("tests/interop/beacon-api");
        var start = new ProcessStartInfo(NodePackages.Node, ["client.mjs", devnet.BaseAddress.ToString().TrimEnd('/')])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var read = JsonNode.Parse(output)?.AsObject() ?? throw new InvalidOperationException("client.mjs printed nothing: " + await process.StandardError.ReadToEndAsync(timeout.Token));

        var failed = read.Where(entry => entry.Value is JsonObject value && value["error"] is not null).Select(entry => $"{entry.Key}: {entry.Value!["error"]}").ToList();
        Assert.True(failed.Count == 0, "Lodestar's client refused: " + string.Join("; ", failed));
        Assert.StartsWith("NativeDvt/", read["version"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, read["validators"]!.AsArray().Count);
        Assert.Equal("0", read["validator0"]!["index"]!.ToString());
        Assert.Matches("^0x[0-9a-f]{64}$", read["headRoot"]!["root"]!.GetValue<string>());
        Assert.Equal("head", read["headEvent"]!["type"]!.GetValue<string>());
    }
}
