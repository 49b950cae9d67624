using System.Net;
using System.Text.Json.Nodes;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Tests;

/// <summary>POST /api/faults/{kind}: the token, the checks that name the field, nothing half-applied, and the ledger.</summary>
[Collection(DashboardCollection.Name)]
[Trait("Category", "Devnet")]
public sealed class FaultApiTests(DashboardDevnet devnet)
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Fault_WithoutTheToken_401AndNothingApplied(string? token)
    {
        var before = (await devnet.Devnet.GetEventsAsync()).Length;

        using var response = await devnet.PostFaultAsync("stop", """{"identities":"g0/m0"}""", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(401, error["code"]!.GetValue<int>());
        Assert.Contains("Bearer", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, (await devnet.Devnet.GetEventsAsync()).Length);
        Assert.All(await devnet.Devnet.GetStatusesAsync("g0/m0"), s => Assert.True(s.Running));
    }

    [Theory]
    [InlineData("stop", """{"identities":"g7"}""", "identities: 'g7' names group 7")]
    [InlineData("stop", """{}""", "identities: is required")]
    [InlineData("start", """{"identities":"g0-m9"}""", "identities: 'g0-m9' is not an identity")]
    [InlineData("partition", """{"sides":["g0"]}""", "sides: a partition needs at least two sides")]
    [InlineData("partition", """{"sides":["g0","g0/m1,g1"]}""", "sides[1]: g0-m1 is on side 0")]
    [InlineData("partition", """{"sides":["g0", 7]}""", "sides[1]: must be a selector string")]
    [InlineData("delay", """{"groups":"g1"}""", "milliseconds: is required")]
    [InlineData("delay", """{"groups":"g1","milliseconds":-5}""", "milliseconds: -5 is not a delay")]
    [InlineData("profile", """{"identities":"g1","profile":"sleepy"}""", "profile: 'sleepy' is not a profile")]
    [InlineData("profile", """{"identities":"g1","profile":"offline"}""", "profile: offline is not a profile a running identity switches to")]
    [InlineData("rotate", """{}""", "identities: is required")]
    [InlineData("rotate", """{"identities":"g9/m0"}""", "identities: 'g9/m0' names group 9")]
    [InlineData("stop", """{"identities":""", "body: is not JSON")]
    [InlineData("stop", """["g0"]""", "body: must be a JSON object")]
    public async Task Fault_WithABadField_400NamingItAndNothingApplied(string kind, string body, string message)
    {
        var before = (await devnet.Devnet.GetEventsAsync()).Length;

        using var response = await devnet.PostFaultAsync(kind, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(400, error["code"]!.GetValue<int>());
        Assert.StartsWith(message, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, (await devnet.Devnet.GetEventsAsync()).Length);
        Assert.All(await devnet.Devnet.GetStatusesAsync(), s => Assert.True(s.Running));
    }

    [Fact]
    public async Task Fault_OfAnUnknownKind_404ListingTheKinds()
    {
        using var response = await devnet.PostFaultAsync("explode", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("stop, start, partition, heal, delay, profile, rotate", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopThenStart_AppliedLoggedAndLedgered_WithTheRecovery()
    {
        using var stop = await devnet.PostFaultAsync("stop", """{"identities":"g0/m2"}""");
        var stopped = JsonNode.Parse(await stop.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal(["g0-m2"], stopped["identities"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.False((await devnet.Devnet.GetStatusesAsync("g0/m2"))[0].Running);
        var logged = (await devnet.Devnet.GetEventsAsync())[stopped["event"]!.GetValue<int>()];
        Assert.Equal(DevnetEventKinds.FaultStop, logged.Kind);
        Assert.Equal(["g0-m2"], logged.Subjects!);

        // g0 is 2-of-3: with one member stopped it still acts; the ledger links the stop to its start and the recovery.
        await devnet.Devnet.WaitForSlotAsync(devnet.Devnet.WallClockSlot + 2, cancellationToken: TestContext.Current.CancellationToken);
        using var start = await devnet.PostFaultAsync("start", """{"identities":"g0-m2"}""");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.True((await devnet.Devnet.GetStatusesAsync("g0/m2"))[0].Running);

        var index = stopped["event"]!.GetValue<int>();
        var view = await devnet.WaitForViewAsync("the stop's recovery in the ledger", v => v["ledger"]!.AsArray().Any(l =>
            l!["fault"]!["index"]!.GetValue<int>() == index && l["recoverySeconds"] is not null));
        var entry = view["ledger"]!.AsArray().First(l => l!["fault"]!["index"]!.GetValue<int>() == index)!;
        Assert.Equal("fault-start", entry["endedBy"]!["kind"]!.GetValue<string>());
        Assert.Equal([0ul], entry["groups"]!.AsArray().Select(g => g!.GetValue<ulong>()));
        Assert.Equal("every stopped identity signs again", entry["recovery"]!.GetValue<string>());
        Assert.InRange(entry["recoverySeconds"]!.GetValue<double>(), 0, 60);
    }
}
