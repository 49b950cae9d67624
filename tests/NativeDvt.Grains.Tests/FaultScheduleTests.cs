using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Tests;

/// <summary>The devnet file's <c>faults:</c> and late proposers run on the Orleans devnet at their slots, through the fault controls.</summary>
[Trait("Category", "Devnet")]
public sealed class FaultScheduleTests
{
    [Fact]
    public async Task DevnetFileFaults_AppliedAtTheirSlotsInOrder_AndLoggedAsFaults()
    {
        await using var small = await SmallDevnet.StartAsync("""
            name: schedule
            scheme: ed25519
            slotTime: 1s
            groups:
              - { count: 1, n: 3, m: 2 }
            solos:
              count: 1
            network:
              lateProposers:
                - { groups: g1, delay: 200ms }
            faults:
              - { slot: 9, restart: g0/m2 }
              - { slot: 4, crash: g0/m2 }
              - { slot: 5, rotate: g0/m0 }
              - { slot: 6, partition: ["g0", "g1"] }
              - { slot: 8, heal: true }
            """, TimeSpan.FromSeconds(4));

        await small.WaitForEventAsync(0, e => e.Kind == DevnetEventKinds.FaultStart);
        // The rotation's share went out at slot 5; the group co-signs it and a block carries it in.
        var rotation = await small.WaitForEventAsync(0, e => e.Kind == DevnetEventKinds.KeyRotation);
        var faults = (await small.Devnet.GetEventsAsync(0)).Where(e => DevnetEventKinds.IsFault(e.Kind)).ToArray();

        Assert.Equal(
            [DevnetEventKinds.FaultDelay, DevnetEventKinds.FaultStop, DevnetEventKinds.FaultRotate, DevnetEventKinds.FaultPartition, DevnetEventKinds.FaultHeal, DevnetEventKinds.FaultStart],
            faults.Select(e => e.Kind));
        // Never before its slot; after it by as long as the entries before it took (a start waits for a node to start,
        // and under load a 1 s slot passes quickly).
        Assert.All(faults.Zip(new ulong[] { 0, 4, 5, 6, 8, 9 }), x => Assert.InRange(x.First.Slot!.Value, x.Second, x.Second + 8));
        Assert.Equal("g0/m0", rotation.Who);
        Assert.Equal(["g0-m2"], faults[1].Subjects ?? []);
        Assert.Equal(["g1-m0"], faults[0].Subjects ?? []);
        Assert.Equal(200, (await small.Grains.GetGrain<IIdentityGrain>("g1-m0").GetActivityAsync(0)).BlockDelayMilliseconds);
        Assert.Equal(6, await small.Grains.GetGrain<IFaultScheduleGrain>(DevnetGrainKeys.Devnet).EnsureRunningAsync());
        var statuses = await small.WaitForStatusesAsync(["g0-m2"], s => s[0].Running);
        Assert.True(statuses[0].Running);
    }
}
