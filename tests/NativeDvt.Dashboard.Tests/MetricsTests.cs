namespace NativeDvt.Dashboard.Tests;

/// <summary>/metrics: Prometheus text with the Ethereum clients' names and the devnet's own.</summary>
[Collection(DashboardCollection.Name)]
[Trait("Category", "Devnet")]
public sealed class MetricsTests(DashboardDevnet devnet)
{
    [Fact]
    public async Task Metrics_NameTheHeadFinalityParticipationPeersAndGroups()
    {
        // Settled epochs (and so the group counters) need two epochs past genesis.
        await devnet.WaitForViewAsync("a settled epoch", v => v["participation"]!.AsArray().Count > 0, TimeSpan.FromSeconds(90));
        string text = "";
        for (var attempt = 0; attempt < 20 && !text.Contains("ndvt_group_acted_total", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(1000, TestContext.Current.CancellationToken);
            using var response = await devnet.Http.GetAsync("/metrics", TestContext.Current.CancellationToken);
            text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"/metrics: {(int)response.StatusCode} {text}");
        }

        Assert.Matches(@"(?m)^beacon_head_slot(\{[^}]*\})? [1-9][0-9]*", text);
        Assert.Matches(@"(?m)^beacon_finalized_epoch(\{[^}]*\})? [0-9]+", text);
        Assert.Matches(@"(?m)^beacon_current_justified_epoch(\{[^}]*\})? [0-9]+", text);
        Assert.Matches(@"(?m)^beacon_participation_target(\{[^}]*\})? [0-9.]+", text);
        Assert.Matches(@"(?m)^libp2p_peers\{[^}]*identity=""g0-m0""[^}]*\} [1-9]", text);
        Assert.Matches(@"(?m)^ndvt_group_acted_total\{[^}]*duty=""target""[^}]*\} [1-9]", text);
        Assert.Contains("ndvt_identities_running", text, StringComparison.Ordinal);
        Assert.Contains("gossipsub_messages_published_total", text, StringComparison.Ordinal);
    }
}
