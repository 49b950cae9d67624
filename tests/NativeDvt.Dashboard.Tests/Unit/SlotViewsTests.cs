using NativeDvt.Dashboard.Live;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Tests.Unit;

/// <summary>A slot's outcome, latencies and, when it has no block, the reason the observations support.</summary>
[Trait("Category", "Unit")]
public sealed class SlotViewsTests
{
    private static SlotObservation Seen(ulong slot, string kind, string who, double seconds, ulong? group = 0, int count = 0, double of = 0, string detail = "") =>
        new(slot, kind, who, group, seconds, "0xab", count, of, detail);

    [Fact]
    public void ABlockMostNodesImportedInTime_HasItsLatencies()
    {
        SlotObservation[] seen =
        [
            Seen(5, SlotObservationKinds.Proposed, "g0/m0", 0.05),
            Seen(5, SlotObservationKinds.Assembled, "g0/m1", 0.20, count: 2, of: 0.15),
            Seen(5, SlotObservationKinds.Imported, "g0/m0", 0.21, group: null),
            Seen(5, SlotObservationKinds.Imported, "g0/m1", 0.22, group: null),
            Seen(5, SlotObservationKinds.Imported, "g1/m0", 0.30, group: null),
            Seen(5, SlotObservationKinds.Imported, "g1/m0", 0.90, group: null),
        ];

        var slot = SlotViews.Build(seen, 5, 10, running: 4, secondsPerSlot: 2).First();

        Assert.Equal(SlotOutcomes.Block, slot.Outcome);
        Assert.Equal(0ul, slot.Group);
        Assert.Equal((0.05, 0.15, 0.22), (slot.ProposedAt!.Value, slot.ThresholdAt!.Value, slot.ImportedAt!.Value));
        Assert.Equal(3, slot.ImportedBy);
    }

    [Fact]
    public void Outcomes_LateMissedAndPending_WithReasons()
    {
        SlotObservation[] seen =
        [
            Seen(2, SlotObservationKinds.Imported, "a", 1.5, group: null), Seen(2, SlotObservationKinds.Imported, "b", 1.6, group: null),
            Seen(3, SlotObservationKinds.Proposed, "g2/m0", 0.1, group: 2), Seen(3, SlotObservationKinds.FollowSigned, "g2/m1", 0.2, group: 2),
            Seen(4, SlotObservationKinds.SplitVote, "g1/m0", 1.0, group: 1, count: 3, of: 1, detail: "2 distinct votes"),
            Seen(4, SlotObservationKinds.InclusionListMissed, "g1/m0", 1.0, group: 1, detail: "late"),
        ];

        var slots = SlotViews.Build(seen, 1, 6, running: 3, secondsPerSlot: 3);

        Assert.Equal(SlotOutcomes.Late, slots.Single(s => s.Slot == 2).Outcome);
        var three = slots.Single(s => s.Slot == 3);
        Assert.Equal(SlotOutcomes.Missed, three.Outcome);
        Assert.Equal("g2's leader proposed, but its block never gathered m follow signatures (1 members signed)", three.Reason);
        var four = slots.Single(s => s.Slot == 4);
        Assert.StartsWith("no proposal seen", four.Reason, StringComparison.Ordinal);
        Assert.Equal([1ul], four.SplitVotes);
        Assert.Equal(["g1: late"], four.InclusionListMisses);
        Assert.Equal(SlotOutcomes.Pending, slots.Single(s => s.Slot == 5).Outcome);
        Assert.Equal(SlotOutcomes.Pending, slots.Single(s => s.Slot == 6).Outcome);
    }

    [Fact]
    public void MissedSlotWithoutProposal_NamesTheGroupMostNodesSawDue()
    {
        SlotObservation[] seen =
        [
            Seen(7, SlotObservationKinds.Due, "g0/m0", 0.0, group: 3), Seen(7, SlotObservationKinds.Due, "g1/m0", 0.0, group: 3),
            Seen(7, SlotObservationKinds.Due, "g2/m0", 0.0, group: 1),
            Seen(8, SlotObservationKinds.Due, "g0/m0", 0.0, group: 2), Seen(8, SlotObservationKinds.Proposed, "g2/m1", 0.1, group: 2),
        ];

        var slots = SlotViews.Build(seen, 7, 12, running: 3, secondsPerSlot: 3);

        var seven = slots.Single(s => s.Slot == 7);
        Assert.Equal(SlotOutcomes.Missed, seven.Outcome);
        Assert.Equal(3ul, seven.Group);
        Assert.StartsWith("no proposal seen: g3's leader did not propose", seven.Reason, StringComparison.Ordinal);
        Assert.Equal(2ul, slots.Single(s => s.Slot == 8).Group);
        Assert.Null(slots.Single(s => s.Slot == 9).Group);
    }

    [Fact]
    public void MissedSlot_ARefusalIsToldBesideWhatCameOfTheBlock()
    {
        SlotObservation[] seen =
        [
            Seen(3, SlotObservationKinds.Proposed, "g2/m0", 0.1, group: 2), Seen(3, SlotObservationKinds.Assembled, "g2/m1", 0.2, group: 2, count: 3, of: 0.15),
            Seen(3, SlotObservationKinds.Imported, "g2/m0", 0.3, group: null),
            Seen(3, SlotObservationKinds.Rejected, "g5/m1", 0.3, group: null, detail: "state root does not match"),
            Seen(4, SlotObservationKinds.Proposed, "g4/m1", 0.1, group: 4),
            Seen(4, SlotObservationKinds.Rejected, "g4/m0", 0.2, group: null, detail: "proposal's parent is unknown"),
        ];

        var slots = SlotViews.Build(seen, 3, 8, running: 6, secondsPerSlot: 3);

        Assert.Equal(
            "g2's block was assembled but only 1 of 6 nodes imported it; 1 refused it (first g5/m1: state root does not match)",
            slots.Single(s => s.Slot == 3).Reason);
        Assert.Equal(
            "g4's leader proposed, but its block never gathered m follow signatures (0 members signed); 1 refused it (first g4/m0: proposal's parent is unknown)",
            slots.Single(s => s.Slot == 4).Reason);
    }
}
