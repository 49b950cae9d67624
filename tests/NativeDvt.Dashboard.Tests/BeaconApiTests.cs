using System.Net;
using System.Text.Json.Nodes;

namespace NativeDvt.Dashboard.Tests;

/// <summary>The Beacon-API subset in its standard shapes: string-encoded integers, 0x hex, data envelopes, {code, message} errors.</summary>
[Collection(DashboardCollection.Name)]
[Trait("Category", "Devnet")]
public sealed class BeaconApiTests(DashboardDevnet devnet)
{
    [Fact]
    public async Task NodeEndpoints_InTheStandardShapes()
    {
        var version = await devnet.GetJsonAsync("/eth/v1/node/version");
        Assert.StartsWith("NativeDvt/v", version["data"]!["version"]!.GetValue<string>(), StringComparison.Ordinal);

        var identity = (await devnet.GetJsonAsync("/eth/v1/node/identity"))["data"]!;
        Assert.StartsWith("12D3KooW", identity["peer_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith(identity["peer_id"]!.GetValue<string>(), identity["p2p_addresses"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("0", identity["metadata"]!["seq_number"]!.GetValue<string>());

        var syncing = (await devnet.GetJsonAsync("/eth/v1/node/syncing"))["data"]!;
        Assert.True(ulong.Parse(syncing["head_slot"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.False(syncing["is_optimistic"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Validators_AreTheGroups_WithMembersAndThreshold()
    {
        var all = (await devnet.GetJsonAsync("/eth/v1/beacon/states/head/validators"))["data"]!.AsArray();

        Assert.Equal(["0", "1"], all.Select(v => v!["index"]!.GetValue<string>()));
        var group = all[0]!;
        Assert.Equal("active_ongoing", group["status"]!.GetValue<string>());
        Assert.Equal("2", group["threshold"]!.GetValue<string>());
        var members = group["members"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Equal(3, members.Count);
        Assert.All(members, m => Assert.Matches("^0x[0-9a-f]{96}$", m));
        Assert.Equal(members[0], group["validator"]!["pubkey"]!.GetValue<string>());
        Assert.Equal("96000000000", group["validator"]!["effective_balance"]!.GetValue<string>());
        Assert.Equal("18446744073709551615", group["validator"]!["exit_epoch"]!.GetValue<string>());

        var byKey = await devnet.GetJsonAsync($"/eth/v1/beacon/states/head/validators/{members[2]}");
        Assert.Equal("0", byKey["data"]!["index"]!.GetValue<string>());
        var filtered = await devnet.GetJsonAsync("/eth/v1/beacon/states/head/validators?id=1");
        Assert.Equal("1", Assert.Single(filtered["data"]!.AsArray())!["index"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/eth/v1/beacon/states/head/validators/99", HttpStatusCode.NotFound)]
    [InlineData("/eth/v1/beacon/states/finalized/validators", HttpStatusCode.BadRequest)]
    [InlineData("/eth/v1/beacon/blocks/0x1234/root", HttpStatusCode.BadRequest)]
    [InlineData("/eth/v1/events", HttpStatusCode.BadRequest)]
    [InlineData("/eth/v1/events?topics=head,voluntary_exit", HttpStatusCode.BadRequest)]
    public async Task BadRequests_AnswerTheStandardErrorBody(string path, HttpStatusCode status)
    {
        using var response = await devnet.Http.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal((int)status, error["code"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task BlockRoot_OfHeadAndGenesis()
    {
        var head = await devnet.GetJsonAsync("/eth/v1/beacon/blocks/head/root");
        Assert.Matches("^0x[0-9a-f]{64}$", head["data"]!["root"]!.GetValue<string>());
        Assert.False(head["execution_optimistic"]!.GetValue<bool>());

        var genesis = await devnet.GetJsonAsync("/eth/v1/beacon/blocks/genesis/root");
        var header = await devnet.GetJsonAsync("/eth/v1/beacon/headers/genesis");
        Assert.Equal(header["data"]!["root"]!.GetValue<string>(), genesis["data"]!["root"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_StreamHeadAndBlock_AsServerSentEvents()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromSeconds(30));
        using var response = await devnet.Http.GetAsync("/eth/v1/events?topics=head,block", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));

        var seen = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        string? name = null;
        while (seen.Count < 2 && await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null)
            {
                seen[name] = JsonNode.Parse(line["data: ".Length..])!;
            }
        }

        Assert.Matches("^[0-9]+$", seen["head"]["slot"]!.GetValue<string>());
        Assert.Matches("^0x[0-9a-f]{64}$", seen["head"]["state"]!.GetValue<string>());
        Assert.Matches("^0x[0-9a-f]{64}$", seen["block"]["block"]!.GetValue<string>());
    }
}
