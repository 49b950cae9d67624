using System.Diagnostics;
using NativeDvt.Grains.Abstractions;
using Orleans.TestingHost;

namespace NativeDvt.Grains.Tests;

/// <summary>
/// An identity that starts again after the devnet finalized: its peers pruned the blocks below finality, so it starts
/// from a running node's finalized state, fetches the rest by root, and attests again.
/// </summary>
[Trait("Category", "Devnet")]
public sealed class CheckpointSyncTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(100);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_AfterFinality_StartsFromAFinalizedStateCatchesUpAndAttestsAgain()
    {
        var cluster = new TestClusterBuilder { Options = { InitialSilosCount = 1 } }.AddSiloBuilderConfigurator<IdentitySilo>().Build();
        await cluster.DeployAsync(Token);
        try
        {
            var devnet = cluster.Client.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet);
            await devnet.StartAsync(new DevnetStart(new DevnetFile("inline-checkpoint.yaml", """
                name: checkpoint
                scheme: ed25519
                slotTime: 1s
                groups:
                  - { count: 1, n: 3, m: 2 }
                solos:
                  count: 1
                """), (ulong)DateTimeOffset.UtcNow.AddSeconds(3).ToUnixTimeSeconds()));
            string[] keys = ["g0-m0", "g0-m1", "g0-m2", "g1-m0"];
            var restarted = cluster.Client.GetGrain<IIdentityGrain>("g0-m2");
            await WaitAsync(cluster, keys, s => s.All(x => x.Running && x.HeadSlot >= 2));
            await restarted.StopAsync();

            var finalized = await WaitAsync(cluster, keys, s => s.Where(x => x.Running).All(x => x.Finalized.Epoch >= 2));
            var since = (await devnet.GetEventsAsync(0)).Length;
            await restarted.StartAsync();
            var caughtUp = await WaitAsync(cluster, keys, s => s.Single(x => x.Identity == "g0-m2").HeadSlot >= finalized.Max(x => x.HeadSlot) + 2);

            var back = await WaitForEventAsync(devnet, since, e => e.Kind == DevnetEventKinds.IdentityOnDuty && e.Who == "g0/m2");
            var started = (await devnet.GetEventsAsync(since)).Single(e => e.Kind == DevnetEventKinds.IdentityStarted);
            Assert.Contains("its chain from the finalized block of slot", started.Details, StringComparison.Ordinal);
            Assert.True(back.At >= started.At);
            Assert.True(caughtUp.Single(x => x.Identity == "g0-m2").Finalized.Epoch >= 2);
            Assert.DoesNotContain(await devnet.GetEventsAsync(0), e => e.Kind == DevnetEventKinds.MemberEquivocation);
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

            Assert.True(clock.Elapsed < Limit, "the devnet did not get there in time: " + string.Join("; ", statuses.Select(s => $"{s.Identity} running={s.Running} head={s.HeadSlot} finalized={s.Finalized.Epoch}")));
            await Task.Delay(250, Token);
        }
    }

    private static async Task<DevnetEvent> WaitForEventAsync(IDevnetGrain devnet, int since, Func<DevnetEvent, bool> match)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if ((await devnet.GetEventsAsync(since)).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            Assert.True(clock.Elapsed < Limit, "no such event: " + string.Join("; ", (await devnet.GetEventsAsync(since)).Select(e => $"{e.Kind} {e.Who} {e.Details}")));
            await Task.Delay(250, Token);
        }
    }
}
