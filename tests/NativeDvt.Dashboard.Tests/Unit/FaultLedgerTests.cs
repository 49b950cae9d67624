using NativeDvt.Dashboard.Live;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Tests.Unit;

/// <summary>The ledger's links from a fault to its end, the duties and rewards it cost, and its recovery.</summary>
[Trait("Category", "Unit")]
public sealed class FaultLedgerTests
{
    private static readonly DateTimeOffset Genesis = new(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly ChainClock Clock = new(Genesis, TimeSpan.FromSeconds(1), 4);

    private static DevnetEvent At(string kind, ulong slot, string who, string details, params string[] subjects) =>
        new(kind, slot, who, details, Genesis + TimeSpan.FromSeconds(slot), subjects.Length == 0 ? null : subjects);

    private static GroupEpochSummary Epoch(ulong epoch, bool earned, long reward, long max) => new(epoch, earned, earned, earned, reward, 32_000_000_000, max);

    private static GroupSummary Group(ulong index) => new(index, 1, 1, [], null, null, [], []);

    private static SlotView Slot(ulong slot, string outcome, params ulong[] splits) => new(slot, outcome, 0, null, null, null, 0, splits, "", []);

    [Fact]
    public void Stop_EndedByStart_CountsTheMissedEpochsAndRecoversAtTheLastOnDuty()
    {
        DevnetEvent[] events =
        [
            At(DevnetEventKinds.FaultStop, 8, "g1", "stop g1-m0", "g1-m0"),
            At(DevnetEventKinds.IdentityStopped, 8, "g1/m0", "stopped"),
            At(DevnetEventKinds.FaultStart, 16, "g1", "start g1-m0", "g1-m0"),
            At(DevnetEventKinds.IdentityOnDuty, 19, "g1/m0", "signs again"),
        ];
        var epochs = new Dictionary<ulong, GroupEpochSummary[]>
        {
            [1] = [Epoch(1, true, 100, 100), Epoch(2, false, -40, 100), Epoch(3, false, -40, 100), Epoch(4, true, 100, 100), Epoch(5, true, 100, 100)],
        };
        SlotView[] slots = [Slot(9, SlotOutcomes.Missed), Slot(10, SlotOutcomes.Block, 1), Slot(30, SlotOutcomes.Missed)];

        var entry = Assert.Single(FaultLedger.Build(events, [Group(1)], epochs, slots, Clock, wallSlot: 40));

        Assert.Equal(0, entry.Fault.Index);
        Assert.Equal(2, entry.EndedBy!.Index);
        Assert.Equal([1ul], entry.Groups);
        Assert.Equal((8ul, 24ul), (entry.FromSlot, entry.ToSlot));
        Assert.Equal([2ul, 3ul], entry.MissedDuties.Select(m => m.Epoch));
        Assert.Equal(["source", "target", "head"], entry.MissedDuties[0].Missed);
        Assert.Equal(280, entry.RewardLostGwei);
        Assert.Equal(120, entry.PaidGwei);
        Assert.Equal(1, entry.MissedSlots);
        Assert.Equal(1, entry.SplitVotes);
        Assert.Equal(3, entry.RecoverySeconds);
        Assert.Equal("every stopped identity signs again", entry.Recovery);
    }

    [Fact]
    public void Partition_EndedByHeal_RecoversWhenEveryTouchedGroupEarnsAllFlagsAgain()
    {
        DevnetEvent[] events =
        [
            At(DevnetEventKinds.FaultPartition, 4, "devnet", "sides: g0 | g1", "g0-m0", "g1-m0"),
            At(DevnetEventKinds.MemberEquivocation, 6, "g0/m0", "signed twice"),
            At(DevnetEventKinds.FaultHeal, 12, "devnet", "healed", "g0-m0", "g1-m0"),
        ];
        var epochs = new Dictionary<ulong, GroupEpochSummary[]>
        {
            [0] = [Epoch(3, false, 0, 10), Epoch(4, true, 10, 10)],
            [1] = [Epoch(3, false, 0, 10), Epoch(4, false, 0, 10), Epoch(5, true, 10, 10)],
        };

        var entry = Assert.Single(FaultLedger.Build(events, [Group(0), Group(1)], epochs, [], Clock, wallSlot: 40));

        Assert.Equal(DevnetEventKinds.FaultHeal, entry.EndedBy!.Kind);
        Assert.Equal(DevnetEventKinds.MemberEquivocation, Assert.Single(entry.Slashings).Kind);
        // Group 1 earns everything first in epoch 5, which ends at slot 24: 12 s after the heal at slot 12.
        Assert.Equal(12, entry.RecoverySeconds);
        Assert.Equal("every touched group earned all flags in epoch 5", entry.Recovery);
    }

    [Fact]
    public void Recovery_LeavesOutASlashedGroup_WhichNeverEarnsAgain()
    {
        DevnetEvent[] events =
        [
            At(DevnetEventKinds.FaultProfile, 4, "g0,g1", "run equivocator", "g0-m0", "g1-m0"),
            At(DevnetEventKinds.FaultProfileReset, 8, "g0,g1", "file again", "g0-m0", "g1-m0"),
        ];
        var slashed = Group(1) with { Chain = new GroupChainView(0, "slashed", 0, 0, 1, [], [], true, 0, 0, 5, 9) };
        var epochs = new Dictionary<ulong, GroupEpochSummary[]> { [0] = [Epoch(3, true, 10, 10)], [1] = [Epoch(3, false, -500, -500)] };

        var entry = Assert.Single(FaultLedger.Build(events, [Group(0), slashed], epochs, [], Clock, wallSlot: 30));

        // Epoch 3 ends at slot 16, 8 s after the reset at slot 8.
        Assert.Equal(8, entry.RecoverySeconds);
        Assert.Equal("every touched group earned all flags in epoch 3 (g1 slashed: left out)", entry.Recovery);
        Assert.Equal(-490, entry.PaidGwei);
    }

    [Fact]
    public void Faults_ThatNothingEnded_AreInEffect_NewestFirst_AndEndsAreNotEntries()
    {
        DevnetEvent[] events =
        [
            At(DevnetEventKinds.FaultDelay, 2, "g0", "hold 900 ms", "g0-m0"),
            At(DevnetEventKinds.FaultDelayOff, 6, "g0", "at once again", "g0-m0"),
            At(DevnetEventKinds.FaultStop, 7, "g1", "stop g1-m0", "g1-m0"),
            At(DevnetEventKinds.FaultStart, 9, "g0", "start g0-m0", "g0-m0"),
        ];

        var ledger = FaultLedger.Build(events, [Group(0), Group(1)], new Dictionary<ulong, GroupEpochSummary[]>(), [], Clock, wallSlot: 20);

        Assert.Equal([2, 0], ledger.Select(l => l.Fault.Index));
        Assert.Null(ledger[0].EndedBy);
        Assert.Equal("still in effect", ledger[0].Recovery);
        Assert.Equal(20ul, ledger[0].ToSlot);
        Assert.Equal(DevnetEventKinds.FaultDelayOff, ledger[1].EndedBy!.Kind);
    }
}
