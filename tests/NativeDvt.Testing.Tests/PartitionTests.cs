using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Testing.Tests;

/// <summary>
/// Two 2-of-3 groups of equal stake, split so that each side holds two members of one group and one of the other: each
/// side can sign for one group, half the stake, short of the two thirds finality needs, and builds its own chain.
/// </summary>
[Trait("Category", "Devnet")]
public sealed class PartitionTests
{
    [Fact]
    public async Task Partition_HalfTheStakeEachSide_HeadsSplitAndNothingFinalizes_AfterHealOneChainFinalizes()
    {
        var token = TestContext.Current.CancellationToken;
        await using var devnet = await TestDevnet.FromYamlAsync("""
            name: partition
            scheme: ed25519
            slotTime: 1s
            slotsPerEpoch: 4
            groups:
              - { count: 2, n: 3, m: 2 }
            """, cancellationToken: token);
        await devnet.WaitForSlotAsync(2, cancellationToken: token);

        await devnet.PartitionAsync("g0/m0-1, g1/m0", "g0/m2, g1/m1-2");
        var split = await devnet.WaitForSlotAsync(devnet.WallClockSlot + 3 * devnet.SlotsPerEpoch, cancellationToken: token);

        Assert.All(split, s => Assert.Equal(0ul, s.Finalized.Epoch));
        var sideB = await devnet.GetHeaderAsync("g1-m1");
        Assert.NotNull(sideB);
        Assert.Null(await devnet.GetHeaderAsync("g0-m0", sideB.Root));

        await devnet.HealAsync();
        var healed = await devnet.WaitForFinalityAsync(1, cancellationToken: token);

        Assert.Single(healed.Select(s => s.Finalized.Root).Distinct());
        await devnet.WaitUntilAsync("one head", statuses => statuses.Select(s => s.HeadRoot).Distinct().Count() == 1, cancellationToken: token);
        var events = await devnet.GetEventsAsync();
        Assert.Contains(events, e => e.Kind == DevnetEventKinds.FaultPartition && e.Details == "sides: g0/m0-1, g1/m0 | g0/m2, g1/m1-2");
        Assert.Contains(events, e => e.Kind == DevnetEventKinds.FaultHeal);
    }
}
