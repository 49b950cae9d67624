using NativeDvt.Grains.Abstractions;
using NativeDvt.Grains.Identities;

namespace NativeDvt.Grains.Tests;

/// <summary>A silo that joins a running devnet takes over the identities the dealing gives it, and the chain goes on.</summary>
[Trait("Category", "Devnet")]
public sealed class IdentityRebalanceTests
{
    [Fact]
    public async Task SiloJoins_IdentitiesDealtToItMoveThereOneAtATime_KeepingTheirPeerIdAndFaults()
    {
        await using var small = await SmallDevnet.StartAsync("""
            name: rebalance
            scheme: ed25519
            slotTime: 1s
            groups:
              - { count: 1, n: 4, m: 3 }
            solos:
              count: 1
            """, TimeSpan.FromSeconds(4));
        string[] keys = ["g0-m0", "g0-m1", "g0-m2", "g0-m3", "g1-m0"];
        var before = await small.WaitForStatusesAsync(keys, s => s.All(x => x.Running && x.HeadSlot >= 2));
        Assert.Single(before.Select(s => s.Silo).Distinct());
        // m0 and m1 go to different silos, so one of them moves with its fault.
        await small.Grains.GetGrain<IIdentityGrain>("g0-m0").SetBlockDelayAsync(150);
        await small.Grains.GetGrain<IIdentityGrain>("g0-m1").SetBlockDelayAsync(150);
        var eventsBefore = (await small.Devnet.GetEventsAsync(0)).Length;

        await small.Cluster.StartAdditionalSiloAsync();
        var silos = IdentityDealing.Order(small.Cluster.GetActiveSilos().Select(s => s.SiloAddress));
        var names = small.Cluster.GetActiveSilos().ToDictionary(s => s.SiloAddress, s => s.Name);
        var dealt = keys.ToDictionary(k => k, k => names[silos[IdentityDealing.SiloIndex(k, silos.Length)!.Value]]);
        var after = await small.WaitForStatusesAsync(keys, s => s.All(x => x.Running && x.Silo == dealt[x.Identity] && x.HeadSlot >= before.Max(y => y.HeadSlot) + 3));

        Assert.Equal(2, after.Select(s => s.Silo).Distinct().Count());
        Assert.Equal(before.Select(s => s.PeerId), after.Select(s => s.PeerId));
        var moves = (await small.Devnet.GetEventsAsync(eventsBefore)).Where(e => e.Kind == DevnetEventKinds.IdentityMoving).ToArray();
        Assert.Equal(keys.Count(k => dealt[k] != before[0].Silo), moves.Length);
        Assert.All(moves.Zip(moves.Skip(1), (a, b) => b.At - a.At), gap => Assert.True(gap >= TimeSpan.FromSeconds(1), $"two moves {gap} apart"));
        foreach (var key in new[] { "g0-m0", "g0-m1" })
        {
            Assert.Equal(150, (await small.Grains.GetGrain<IIdentityGrain>(key).GetActivityAsync(0)).BlockDelayMilliseconds);
        }
    }
}
