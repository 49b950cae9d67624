using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Tests;

/// <summary>
/// An identity that starts again after the devnet finalized: its peers pruned the blocks below finality, so it starts
/// from a running node's finalized state, fetches the rest by root, and signs again.
/// </summary>
[Trait("Category", "Devnet")]
public sealed class CheckpointSyncTests
{
    [Fact]
    public async Task StartAsync_AfterFinality_StartsFromAFinalizedStateCatchesUpAndSignsAgain()
    {
        await using var small = await SmallDevnet.StartAsync("""
            name: checkpoint
            scheme: ed25519
            slotTime: 1s
            groups:
              - { count: 1, n: 3, m: 2 }
            solos:
              count: 1
            """, TimeSpan.FromSeconds(3));
        var devnet = small.Devnet;
        string[] keys = ["g0-m0", "g0-m1", "g0-m2", "g1-m0"];
        var restarted = small.Grains.GetGrain<IIdentityGrain>("g0-m2");
        await small.WaitForStatusesAsync(keys, s => s.All(x => x.Running && x.HeadSlot >= 2));
        await restarted.StopAsync();

        var finalized = await small.WaitForStatusesAsync(keys, s => s.Where(x => x.Running).All(x => x.Finalized.Epoch >= 2));
        var since = (await devnet.GetEventsAsync(0)).Length;
        await restarted.StartAsync();
        var caughtUp = await small.WaitForStatusesAsync(keys, s => s.Single(x => x.Identity == "g0-m2").HeadSlot >= finalized.Max(x => x.HeadSlot) + 2);

        var back = await small.WaitForEventAsync(since, e => e.Kind == DevnetEventKinds.IdentityOnDuty && e.Who == "g0/m2");
        var started = (await devnet.GetEventsAsync(since)).Single(e => e.Kind == DevnetEventKinds.IdentityStarted);
        Assert.Contains("its chain from the finalized block of slot", started.Details, StringComparison.Ordinal);
        Assert.True(back.At >= started.At);
        Assert.True(caughtUp.Single(x => x.Identity == "g0-m2").Finalized.Epoch >= 2);
        Assert.DoesNotContain(await devnet.GetEventsAsync(0), e => e.Kind == DevnetEventKinds.MemberEquivocation);
    }
}
