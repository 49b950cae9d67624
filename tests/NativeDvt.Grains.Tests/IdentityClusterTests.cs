using System.Diagnostics;
using NativeDvt.Grains.Abstractions;
using NativeDvt.Grains.Identities;
using Orleans.TestingHost;

namespace NativeDvt.Grains.Tests;

/// <summary>A small devnet on one TestingHost silo: identity grains run their nodes and gossip over real libp2p on loopback.</summary>
[Trait("Category", "Devnet")]
public sealed class IdentityClusterTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Identities_KeeperStartsThem_TheyBuildOneChainOverLibp2pAndOneStopsOnRequest()
    {
        var cluster = new TestClusterBuilder { Options = { InitialSilosCount = 1 } }.AddSiloBuilderConfigurator<IdentitySilo>().Build();
        await cluster.DeployAsync(Token);
        try
        {
            var devnet = cluster.Client.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet);
            var genesisTime = (ulong)DateTimeOffset.UtcNow.AddSeconds(4).ToUnixTimeSeconds();
            await devnet.StartAsync(new DevnetStart(new DevnetFile("inline-identities.yaml", """
                name: identities
                scheme: ed25519
                slotTime: 1s
                groups:
                  - { count: 1, n: 3, m: 2 }
                solos:
                  count: 1
                """), genesisTime));
            string[] keys = ["g0-m0", "g0-m1", "g0-m2", "g1-m0"];

            var statuses = await WaitAsync(cluster, keys, s => s.All(x => x.Running && x.HeadSlot >= 4));

            Assert.Equal(keys.Length, statuses.Select(s => s.PeerId).Distinct().Count());
            var header = await cluster.Client.GetGrain<IIdentityGrain>("g0-m1").GetHeaderAsync("head");
            Assert.NotNull(header);
            Assert.True(header.Canonical);
            var genesis = await cluster.Client.GetGrain<IIdentityGrain>("g0-m1").GetHeaderAsync("genesis");
            Assert.Equal(0ul, genesis!.Slot);

            await cluster.Client.GetGrain<IIdentityGrain>("g0-m2").StopAsync();
            var after = await WaitAsync(cluster, keys, s => s.Where(x => x.Identity != "g0-m2").All(x => x.HeadSlot >= statuses.Max(y => y.HeadSlot) + 2));

            Assert.False(after.Single(s => s.Identity == "g0-m2").Running);
            var events = await devnet.GetEventsAsync(0);
            Assert.Contains(events, e => e.Kind == DevnetEventKinds.IdentityStarted && e.Who == "g1/m0");
            Assert.Contains(events, e => e.Kind == DevnetEventKinds.IdentityStopped && e.Who == "g0/m2");
            Assert.Equal(keys.Length, (await devnet.GetBootstrapPeersAsync()).Length);
        }
        finally
        {
            await cluster.StopAllSilosAsync(Token);
            await cluster.DisposeAsync();
        }
    }

    private static async Task<IdentityStatus[]> WaitAsync(TestCluster cluster, string[] keys, Func<IdentityStatus[], bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var statuses = await Task.WhenAll(keys.Select(k => cluster.Client.GetGrain<IIdentityGrain>(k).GetStatusAsync()));
            if (done(statuses))
            {
                return statuses;
            }

            Assert.True(clock.Elapsed < Limit, "the devnet did not get there in time: " + string.Join("; ", statuses.Select(s => $"{s.Identity} running={s.Running} head={s.HeadSlot}")));
            await Task.Delay(250, Token);
        }
    }
}
