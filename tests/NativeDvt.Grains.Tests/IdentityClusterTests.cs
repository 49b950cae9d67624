using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Tests;

/// <summary>A small devnet on one TestingHost silo: identity grains run their nodes and gossip over real libp2p on loopback.</summary>
[Trait("Category", "Devnet")]
public sealed class IdentityClusterTests
{
    [Fact]
    public async Task Identities_KeeperStartsThem_TheyBuildOneChainOverLibp2pAndOneStopsOnRequest()
    {
        await using var small = await SmallDevnet.StartAsync("""
            name: identities
            scheme: ed25519
            slotTime: 1s
            groups:
              - { count: 1, n: 3, m: 2 }
            solos:
              count: 1
            """, TimeSpan.FromSeconds(4));
        var devnet = small.Devnet;
        string[] keys = ["g0-m0", "g0-m1", "g0-m2", "g1-m0"];

        var statuses = await small.WaitForStatusesAsync(keys, s => s.All(x => x.Running && x.HeadSlot >= 4));

        Assert.Equal(keys.Length, statuses.Select(s => s.PeerId).Distinct().Count());
        var header = await small.Grains.GetGrain<IIdentityGrain>("g0-m1").GetHeaderAsync("head");
        Assert.NotNull(header);
        Assert.True(header.Canonical);
        var genesis = await small.Grains.GetGrain<IIdentityGrain>("g0-m1").GetHeaderAsync("genesis");
        Assert.Equal(0ul, genesis!.Slot);

        await small.Grains.GetGrain<IIdentityGrain>("g0-m2").StopAsync();
        var after = await small.WaitForStatusesAsync(keys, s => s.Where(x => x.Identity != "g0-m2").All(x => x.HeadSlot >= statuses.Max(y => y.HeadSlot) + 2));

        Assert.False(after.Single(s => s.Identity == "g0-m2").Running);
        var events = await devnet.GetEventsAsync(0);
        Assert.Contains(events, e => e.Kind == DevnetEventKinds.IdentityStarted && e.Who == "g1/m0");
        Assert.Contains(events, e => e.Kind == DevnetEventKinds.IdentityStopped && e.Who == "g0/m2");
        Assert.Equal(keys.Length, (await devnet.GetBootstrapPeersAsync()).Length);
    }
}
