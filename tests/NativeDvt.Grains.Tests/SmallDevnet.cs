using System.Diagnostics;
using NativeDvt.Grains.Abstractions;
using Orleans.TestingHost;

namespace NativeDvt.Grains.Tests;

/// <summary>
/// A devnet on its own one-silo TestingHost cluster: the keeper starts every identity, whose nodes gossip over real
/// libp2p on loopback. Genesis is a few seconds ahead, the time the identities take to start.
/// </summary>
internal sealed class SmallDevnet : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private SmallDevnet(TestCluster cluster, ulong genesisTime)
    {
        Cluster = cluster;
        GenesisTime = genesisTime;
    }

    public TestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    public IDevnetGrain Devnet => Grains.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet);

    /// <summary>Genesis in unix seconds.</summary>
    public ulong GenesisTime { get; }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Starts a cluster and the devnet of <paramref name="yaml"/> with genesis <paramref name="genesisDelay"/> from now.</summary>
    public static async Task<SmallDevnet> StartAsync(string yaml, TimeSpan genesisDelay)
    {
        var cluster = new TestClusterBuilder { Options = { InitialSilosCount = 1 } }.AddSiloBuilderConfigurator<IdentitySilo>().Build();
        await cluster.DeployAsync(Token);
        var genesisTime = (ulong)DateTimeOffset.UtcNow.Add(genesisDelay).ToUnixTimeSeconds();
        await cluster.Client.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet).StartAsync(new DevnetStart(new DevnetFile("inline-small.yaml", yaml), genesisTime));
        return new SmallDevnet(cluster, genesisTime);
    }

    /// <summary>Reads <paramref name="read"/> every quarter second until <paramref name="done"/> holds; fails with <paramref name="describe"/> after a minute and a half.</summary>
    public static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done, Func<T, string> describe)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(clock.Elapsed < Limit, "the devnet did not get there in time: " + describe(value));
            await Task.Delay(250, Token);
        }
    }

    /// <summary>Waits until the statuses of <paramref name="keys"/> satisfy <paramref name="done"/>; fails naming each identity's head and finalized epoch.</summary>
    public Task<IdentityStatus[]> WaitForStatusesAsync(string[] keys, Func<IdentityStatus[], bool> done) => WaitAsync(
        () => Task.WhenAll(keys.Select(k => Grains.GetGrain<IIdentityGrain>(k).GetStatusAsync())),
        done,
        statuses => string.Join("; ", statuses.Select(s => $"{s.Identity} running={s.Running} head={s.HeadSlot} finalized={s.Finalized.Epoch}")));

    /// <summary>Waits for the first event from index <paramref name="since"/> on that matches <paramref name="match"/>.</summary>
    public async Task<DevnetEvent> WaitForEventAsync(int since, Func<DevnetEvent, bool> match)
    {
        var events = await WaitAsync(() => Devnet.GetEventsAsync(since), e => e.Any(match), e => "no such event in: " + string.Join("; ", e.Select(x => $"{x.Kind} {x.Who} {x.Details}")));
        return events.First(match);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync(Token);
        await Cluster.DisposeAsync();
    }
}
