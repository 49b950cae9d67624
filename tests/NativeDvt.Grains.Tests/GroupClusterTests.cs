using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Tests;

/// <summary>Group grains over a small running devnet: the chain's view of a group read from a member's node, its entries of the event log, and its HTTP form.</summary>
[Trait("Category", "Devnet")]
public sealed class GroupClusterTests
{
    private const string Yaml = """
        name: groups
        scheme: ed25519
        slotTime: 1s
        slotsPerEpoch: 4
        groups:
          - { count: 1, n: 3, m: 2 }
        solos:
          count: 1
        """;

    private const ulong DepositGwei = 32_000_000_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // An attestation included late under load earns target without source: waiting for all three keeps the test steady.
    private static bool FullCredit(GroupEpochSummary epoch) => epoch.Source && epoch.Target && epoch.Head;

    // What was reported, whatever else the log adds to an entry when it takes it.
    private static (string, ulong?, string, string) Reported(DevnetEvent entry) => (entry.Kind, entry.Slot, entry.Who, entry.Details);

    [Fact]
    public async Task Summary_AfterTwoSettledEpochs_MembersRunAndTheChainCreditedAndPaidTheGroup()
    {
        await using var devnet = await SmallDevnet.StartAsync(Yaml, TimeSpan.FromSeconds(4));
        var group = devnet.Grains.GetGrain<IGroupGrain>(0);
        // The log says what the nodes reported; the chain fields must not follow it (nothing slashes g0 on chain here).
        DevnetEvent[] log =
        [
            new(DevnetEventKinds.GroupSlashing, 9, "g0", "a block of slot 9 slashes group g0"),
            new(DevnetEventKinds.KeyRotation, 10, "g0/m1", "g0/m1 signs with its new key from epoch 4"),
            new(DevnetEventKinds.GroupSlashing, 11, "g1", "a block of slot 11 slashes group g1"),
            new(DevnetEventKinds.KeyRotation, 12, "g10/m0", "g10/m0 signs with its new key from epoch 5"),
        ];
        foreach (var entry in log)
        {
            await devnet.Devnet.AppendEventAsync(entry);
        }

        var summary = await SmallDevnet.WaitAsync(
            group.GetSummaryAsync,
            s => s.Chain is { } chain && chain.Epochs.Length >= 2 && chain.Epochs.Any(FullCredit),
            s => $"read from {s.ReadFrom}, epochs: {string.Join("; ", s.Chain?.Epochs.Select(e => e.ToString()) ?? [])}");

        Assert.Equal((0ul, 3, 2), (summary.Index, summary.N, summary.M));
        Assert.Equal(["g0-m0", "g0-m1", "g0-m2"], summary.Members.Select(m => m.Identity));
        Assert.All(summary.Members, m => Assert.True(m.Running && m.Silo.Length > 0 && m.Profile == "honest"));
        Assert.Equal(3, summary.Members.Select(m => m.Pubkey).Where(k => k.StartsWith("0x", StringComparison.Ordinal)).Distinct().Count());
        Assert.Contains(summary.ReadFrom, summary.Members.Select(m => m.Identity));
        var chain = summary.Chain!;
        Assert.Equal("active", chain.Status);
        Assert.Equal(2ul, chain.Threshold);
        Assert.Equal(3 * DepositGwei, chain.EffectiveBalanceGwei);
        Assert.Equal(Enumerable.Range(0, chain.Epochs.Length).Select(i => chain.Epochs[0].Epoch + (ulong)i), chain.Epochs.Select(e => e.Epoch));
        Assert.All(chain.Epochs.Where(FullCredit), e => Assert.True(e.RewardGwei > 0, $"epoch {e.Epoch}: full credit but no reward"));
        // Between two settlements only blocks change the balance, and blocks only pay an honest group (proposer rewards).
        Assert.All(chain.Epochs.Zip(chain.Epochs.Skip(1)), pair => Assert.True((long)pair.Second.BalanceGwei - pair.Second.RewardGwei >= (long)pair.First.BalanceGwei));
        Assert.Equal([Reported(log[0])], summary.Slashings.Select(Reported));
        Assert.Equal([Reported(log[1])], summary.KeyRotations.Select(Reported));

        await using var app = await ApiTestServer.StartAsync(devnet.Grains);
        using var client = app.GetTestClient();
        var all = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/groups", UriKind.Relative), Ct)).RootElement;
        var one = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/groups/1", UriKind.Relative), Ct)).RootElement;
        var missing = await client.GetAsync(new Uri("/api/groups/2", UriKind.Relative), Ct);

        Assert.Equal([0ul, 1ul], all.EnumerateArray().Select(g => g.GetProperty("index").GetUInt64()));
        Assert.Equal(1, one.GetProperty("n").GetInt32());
        Assert.Equal("g1-m0", one.GetProperty("members")[0].GetProperty("identity").GetString());
        Assert.Equal("active", one.GetProperty("chain").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
