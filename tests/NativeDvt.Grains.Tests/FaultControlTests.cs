using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Tests;

/// <summary>The fault controls on a running Orleans devnet, as the dashboard and the schedule call them.</summary>
[Trait("Category", "Devnet")]
public sealed class FaultControlTests
{
    [Fact]
    public async Task Start_AMemberTheFileKeepsOffline_ItRunsAndTheEntrySaysSo()
    {
        await using var small = await SmallDevnet.StartAsync("""
            name: offline-start
            scheme: ed25519
            slotTime: 1s
            groups:
              - { count: 1, n: 3, m: 2, members: [honest, honest, offline] }
            """, TimeSpan.FromSeconds(4));
        await small.WaitForStatusesAsync(["g0-m0", "g0-m1"], s => s.All(x => x.Running));

        var outcome = await small.Grains.GetGrain<IFaultGrain>(DevnetGrainKeys.Devnet).StartAsync("g0/m2");

        Assert.True(outcome.Applied, outcome.Error);
        var entry = (await small.Devnet.GetEventsAsync(outcome.EventIndex))[0];
        Assert.Equal("start g0-m2 (kept offline by the devnet file until now: g0-m2)", entry.Details);
        var statuses = await small.WaitForStatusesAsync(["g0-m2"], s => s[0].Running);
        Assert.True(statuses[0].Running);
    }
}
