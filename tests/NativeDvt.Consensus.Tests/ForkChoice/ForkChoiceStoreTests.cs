using NativeDvt.Consensus.ForkChoice;
using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Tests.ForkChoice;

[Trait("Category", "Unit")]
public sealed class ForkChoiceStoreTests
{
    private const ulong SlotMs = 2000;
    private const ulong Eth = 1_000_000_000;
    private static readonly ForkChoiceConfig Config = new(GenesisTimeMs: 0, SlotDurationMs: SlotMs, SlotsPerEpoch: 8);
    private static readonly Root Genesis = R(0x01);
    private static readonly ForkChoiceCheckpoint GenesisCheckpoint = new(Epoch.Zero, Genesis);

    [Fact]
    public void GetHead_EqualWeights_TieBreaksToGreaterRoot()
    {
        var store = Store(timeMs: 3 * SlotMs);
        Add(store, R(0x10), Genesis, 1);
        Add(store, R(0x20), Genesis, 1 + 1);
        store.OnTick(4 * SlotMs);
        Assert.Equal(R(0x20), store.GetHead());
    }

    [Fact]
    public void GetHead_HeavierBranch_Wins()
    {
        var store = Store(timeMs: 3 * SlotMs);
        store.SetGroup(new ForkChoiceGroup(new GroupIndex(0), 1, 1, new Gwei(32 * Eth)));
        Add(store, R(0x10), Genesis, 1);
        Add(store, R(0x20), Genesis, 2);
        Add(store, R(0x11), R(0x10), 3);
        store.OnTick(4 * SlotMs);
        Assert.True(store.OnAttestation(new MemberVote(new GroupIndex(0), 0, Epoch.Zero, R(0x11))).IsAccepted);
        Assert.Equal(R(0x11), store.GetHead());
        Assert.Equal(new Gwei(32 * Eth), store.GetWeight(R(0x10)));
    }

    [Fact]
    public void GroupRule_ThreeOfFourSplitTwoTwo_AddsNoWeight()
    {
        var store = Store(timeMs: 3 * SlotMs);
        var group = new GroupIndex(7);
        store.SetGroup(new ForkChoiceGroup(group, 4, 3, new Gwei(128 * Eth)));
        Add(store, R(0xa0), Genesis, 1);
        Add(store, R(0xb0), Genesis, 2);
        Vote(store, group, 0, R(0xa0));
        Vote(store, group, 1, R(0xa0));
        Vote(store, group, 2, R(0xb0));
        Vote(store, group, 3, R(0xb0));
        Assert.Equal(Gwei.Zero, store.GetWeight(R(0xa0)));
        Assert.Equal(Gwei.Zero, store.GetWeight(R(0xb0)));
        Assert.Equal(Gwei.Zero, store.GetWeight(Genesis));
    }

    [Fact]
    public void GroupRule_ThreeOfFourAgreeOnA_FullWeightToAAndAncestors()
    {
        var store = Store(timeMs: 3 * SlotMs);
        var group = new GroupIndex(7);
        store.SetGroup(new ForkChoiceGroup(group, 4, 3, new Gwei(128 * Eth)));
        Add(store, R(0xa0), Genesis, 1);
        Add(store, R(0xa1), R(0xa0), 2);
        Add(store, R(0xb0), Genesis, 2);
        Vote(store, group, 0, R(0xa1));
        Vote(store, group, 1, R(0xa1));
        Vote(store, group, 2, R(0xa1));
        Vote(store, group, 3, R(0xb0));
        Assert.Equal(new Gwei(128 * Eth), store.GetWeight(R(0xa1)));
        Assert.Equal(new Gwei(128 * Eth), store.GetWeight(R(0xa0)));
        Assert.Equal(new Gwei(128 * Eth), store.GetWeight(Genesis));
        Assert.Equal(Gwei.Zero, store.GetWeight(R(0xb0)));
        Assert.Equal(R(0xa1), store.GetHead());
    }

    [Fact]
    public void GroupRule_UnsafeThresholdTie_AddsNoWeight()
    {
        var store = Store(timeMs: 3 * SlotMs);
        var group = new GroupIndex(1);
        store.SetGroup(new ForkChoiceGroup(group, 4, 2, new Gwei(128 * Eth)));
        Add(store, R(0xa0), Genesis, 1);
        Add(store, R(0xb0), Genesis, 2);
        Vote(store, group, 0, R(0xa0));
        Vote(store, group, 1, R(0xa0));
        Vote(store, group, 2, R(0xb0));
        Vote(store, group, 3, R(0xb0));
        Assert.Equal(Gwei.Zero, store.GetWeight(Genesis));
        store.OnTick(9 * SlotMs);
        Vote(store, group, 3, R(0xa0), epoch: 1);
        Assert.Equal(new Gwei(128 * Eth), store.GetWeight(R(0xa0)));
    }

    [Fact]
    public void OnGroupEquivocation_SlashedGroup_WeightNoLongerCounts()
    {
        var store = Store(timeMs: 3 * SlotMs);
        store.SetGroup(new ForkChoiceGroup(new GroupIndex(0), 1, 1, new Gwei(64 * Eth)));
        store.SetGroup(new ForkChoiceGroup(new GroupIndex(1), 1, 1, new Gwei(32 * Eth)));
        Add(store, R(0xa0), Genesis, 1);
        Add(store, R(0xb0), Genesis, 2);
        Vote(store, new GroupIndex(0), 0, R(0xa0));
        Vote(store, new GroupIndex(1), 0, R(0xb0));
        Assert.Equal(R(0xa0), store.GetHead());
        store.OnGroupEquivocation(new GroupIndex(0));
        Assert.Equal(Gwei.Zero, store.GetWeight(R(0xa0)));
        Assert.Equal(R(0xb0), store.GetHead());
    }

    [Fact]
    public void OnAttestation_OlderEpoch_DoesNotReplaceLatestMessage()
    {
        var store = Store(timeMs: 9 * SlotMs);
        var group = new GroupIndex(0);
        store.SetGroup(new ForkChoiceGroup(group, 1, 1, new Gwei(32 * Eth)));
        Add(store, R(0xa0), Genesis, 1);
        Add(store, R(0xb0), Genesis, 2);
        Vote(store, group, 0, R(0xb0), epoch: 1);
        Vote(store, group, 0, R(0xa0), epoch: 0);
        Assert.Equal(new Gwei(32 * Eth), store.GetWeight(R(0xb0)));
        Assert.Equal(Gwei.Zero, store.GetWeight(R(0xa0)));
    }

    [Fact]
    public void ProposerBoost_TimelyBlock_OutweighsSmallerVoteAndExpiresNextSlot()
    {
        var store = Store(timeMs: 2 * SlotMs);
        for (var g = 0UL; g < 10; g++)
        {
            store.SetGroup(new ForkChoiceGroup(new GroupIndex(g), 1, 1, new Gwei(32 * Eth)));
        }

        Add(store, R(0xa0), Genesis, 1);
        Vote(store, new GroupIndex(0), 0, R(0xa0));
        Assert.Null(store.ProposerBoostRoot);

        store.OnTick((3 * SlotMs) + 100);
        Add(store, R(0xb0), Genesis, 3);
        Assert.Equal(R(0xb0), store.ProposerBoostRoot);

        // Boost = 40% of (320 ETH / 8 slots) = 16 ETH, below one 32 ETH vote: the voted block stays head.
        Assert.Equal(new Gwei(16 * Eth), store.ProposerScore);
        Assert.Equal(R(0xa0), store.GetHead());

        // A lighter vote than the boost: the boosted block wins while the boost lasts.
        store.SetGroup(new ForkChoiceGroup(new GroupIndex(0), 1, 1, new Gwei(8 * Eth)));
        Assert.Equal(R(0xb0), store.GetHead());

        store.OnTick(4 * SlotMs);
        Assert.Null(store.ProposerBoostRoot);
        Assert.Equal(R(0xa0), store.GetHead());
    }

    [Fact]
    public void ProposerBoost_BlockAfterAttestingInterval_NotBoosted()
    {
        var store = Store(timeMs: (3 * SlotMs) + (SlotMs / 3) + 1);
        Add(store, R(0xb0), Genesis, 3);
        Assert.Null(store.ProposerBoostRoot);
    }

    [Fact]
    public void ProposerBoost_TimelyBlockNotEligible_NotBoostedAndALaterEligibleOneIs()
    {
        var store = Store(timeMs: 3 * SlotMs);
        Assert.True(store.OnBlock(Block(R(0xa0), Genesis, 3), boostEligible: false).IsAccepted);
        Assert.Null(store.ProposerBoostRoot);
        Add(store, R(0xb0), Genesis, 3);
        Assert.Equal(R(0xb0), store.ProposerBoostRoot);
    }

    [Fact]
    public void ProposerBoost_SecondTimelyBlockSameSlot_KeepsFirst()
    {
        var store = Store(timeMs: 3 * SlotMs);
        Add(store, R(0xa0), Genesis, 3);
        Add(store, R(0xb0), Genesis, 3);
        Assert.Equal(R(0xa0), store.ProposerBoostRoot);
    }

    [Fact]
    public void ViabilityFilter_HeavierBranchWithStaleJustification_IsFilteredOut()
    {
        var store = Store(timeMs: 20 * SlotMs);
        var group = new GroupIndex(0);
        store.SetGroup(new ForkChoiceGroup(group, 1, 1, new Gwei(64 * Eth)));
        store.SetGroup(new ForkChoiceGroup(new GroupIndex(1), 1, 1, new Gwei(32 * Eth)));
        Add(store, R(0x10), Genesis, 8);
        var justified = new ForkChoiceCheckpoint(new Epoch(1), R(0x10));
        Assert.True(store.OnBlock(new ForkChoiceBlock(R(0x11), R(0x10), new Slot(17), justified, GenesisCheckpoint)).IsAccepted);
        Assert.Equal(justified, store.Justified);
        Add(store, R(0x12), R(0x10), 18);

        Vote(store, group, 0, R(0x12), epoch: 2);
        Vote(store, new GroupIndex(1), 0, R(0x11), epoch: 2);
        Assert.True(store.GetWeight(R(0x12)) > store.GetWeight(R(0x11)));
        Assert.Equal(R(0x11), store.GetHead());
    }

    [Fact]
    public void OnTick_NextEpoch_PullsUpUnrealizedJustification()
    {
        var store = Store(timeMs: 10 * SlotMs);
        Add(store, R(0x08), Genesis, 8);
        var pulledUp = new ForkChoiceCheckpoint(new Epoch(1), R(0x08));
        Assert.True(store.OnBlock(Block(R(0x09), R(0x08), 9) with { UnrealizedJustified = pulledUp }).IsAccepted);
        Assert.Equal(GenesisCheckpoint, store.Justified);
        Assert.Equal(pulledUp, store.UnrealizedJustified);

        store.OnTick(16 * SlotMs);
        Assert.Equal(pulledUp, store.Justified);
    }

    [Fact]
    public void OnBlock_FromPastEpoch_RealizesPulledUpJustificationAtOnce()
    {
        var store = Store(timeMs: 17 * SlotMs);
        Add(store, R(0x08), Genesis, 8);
        var pulledUp = new ForkChoiceCheckpoint(new Epoch(1), R(0x08));
        Assert.True(store.OnBlock(Block(R(0x09), R(0x08), 9) with { UnrealizedJustified = pulledUp }).IsAccepted);
        Assert.Equal(pulledUp, store.Justified);
    }

    [Fact]
    public void ViabilityFilter_PastEpochTip_VotesWithPulledUpSource()
    {
        var store = Store(timeMs: 17 * SlotMs);
        store.SetGroup(new ForkChoiceGroup(new GroupIndex(0), 1, 1, new Gwei(64 * Eth)));
        store.SetGroup(new ForkChoiceGroup(new GroupIndex(1), 1, 1, new Gwei(32 * Eth)));
        Add(store, R(0x08), Genesis, 8);
        var pulledUp = new ForkChoiceCheckpoint(new Epoch(1), R(0x08));
        Assert.True(store.OnBlock(Block(R(0x09), R(0x08), 9) with { UnrealizedJustified = pulledUp }).IsAccepted);
        Add(store, R(0x0a), R(0x08), 10);
        Vote(store, new GroupIndex(0), 0, R(0x0a), epoch: 2);
        Vote(store, new GroupIndex(1), 0, R(0x09), epoch: 2);

        // 0x09's realized justification is stale, but as a block of a past epoch it votes with its pulled-up
        // source; 0x0a would pull up to nothing, so the heavier branch is not viable.
        Assert.Equal(R(0x09), store.GetHead());
    }

    [Fact]
    public void OnBlock_InvalidPlacements_AreRejectedWithReasons()
    {
        var store = Store(timeMs: 3 * SlotMs);
        Assert.Equal(ForkChoiceRejection.UnknownBlock, store.OnBlock(Block(R(0x30), R(0x99), 2)).Rejection);
        Assert.Equal(ForkChoiceRejection.FromTheFuture, store.OnBlock(Block(R(0x30), Genesis, 4)).Rejection);
        Assert.Equal(ForkChoiceRejection.SlotNotAfterParent, store.OnBlock(Block(R(0x30), Genesis, 0)).Rejection);
        Assert.True(store.OnBlock(Block(R(0x30), Genesis, 2)).IsAccepted);
    }

    [Fact]
    public void ViabilityFilter_PreviousEpochJustified_TipWithStaleVotingSourceFilteredOut()
    {
        var store = Store(timeMs: 26 * SlotMs);
        store.SetGroup(new ForkChoiceGroup(new GroupIndex(0), 1, 1, new Gwei(64 * Eth)));
        store.SetGroup(new ForkChoiceGroup(new GroupIndex(1), 1, 1, new Gwei(32 * Eth)));
        Add(store, R(0x08), Genesis, 8);
        Add(store, R(0x10), R(0x08), 16);
        var epoch2 = new ForkChoiceCheckpoint(new Epoch(2), R(0x10));
        Assert.True(store.OnBlock(new ForkChoiceBlock(R(0x11), R(0x10), new Slot(17), epoch2, GenesisCheckpoint)).IsAccepted);
        Assert.Equal(epoch2, store.Justified);

        // Both tips of the current epoch would pull up to epoch 2; only the one whose own source is at most
        // two epochs old stays viable (the previous epoch is justified).
        Assert.True(store.OnBlock(new ForkChoiceBlock(R(0x20), R(0x10), new Slot(25), GenesisCheckpoint, GenesisCheckpoint) { UnrealizedJustified = epoch2 }).IsAccepted);
        var epoch1 = new ForkChoiceCheckpoint(new Epoch(1), R(0x08));
        Assert.True(store.OnBlock(new ForkChoiceBlock(R(0x21), R(0x10), new Slot(26), epoch1, GenesisCheckpoint) { UnrealizedJustified = epoch2 }).IsAccepted);
        Vote(store, new GroupIndex(0), 0, R(0x20), epoch: 3);
        Vote(store, new GroupIndex(1), 0, R(0x21), epoch: 3);
        Assert.Equal(R(0x21), store.GetHead());
    }

    [Fact]
    public void OnBlock_AtOrBeforeFinalizedSlotOrOnPrunedBranch_Rejected()
    {
        var store = Store(timeMs: 30 * SlotMs);
        Add(store, R(0x07), Genesis, 7);
        Add(store, R(0x20), Genesis, 9);

        // Slot 8 is empty, so the epoch-1 checkpoint is the block of slot 7 and the finalized slot is 8.
        var finalized = new ForkChoiceCheckpoint(new Epoch(1), R(0x07));
        Assert.True(store.OnBlock(new ForkChoiceBlock(R(0x11), R(0x07), new Slot(17), finalized, finalized)).IsAccepted);
        Assert.Equal(finalized, store.Finalized);
        Assert.Equal(ForkChoiceRejection.NotDescendantOfFinalized, store.OnBlock(Block(R(0x08), R(0x07), 8)).Rejection);
        Assert.Equal(ForkChoiceRejection.UnknownBlock, store.OnBlock(Block(R(0x21), R(0x20), 18)).Rejection);
    }

    [Fact]
    public void Finalization_NewFinalizedBlock_PrunesEverythingNotDescendingFromIt()
    {
        var store = Store(timeMs: 30 * SlotMs);
        store.SetGroup(new ForkChoiceGroup(new GroupIndex(0), 1, 1, new Gwei(32 * Eth)));
        Add(store, R(0x08), Genesis, 8);
        Add(store, R(0x20), Genesis, 9);
        Add(store, R(0x09), R(0x08), 9);
        Vote(store, new GroupIndex(0), 0, R(0x20), epoch: 3);
        var finalized = new ForkChoiceCheckpoint(new Epoch(1), R(0x08));
        Assert.True(store.OnBlock(new ForkChoiceBlock(R(0x11), R(0x09), new Slot(17), finalized, finalized)).IsAccepted);

        Assert.Equal(3, store.BlockCount);
        Assert.False(store.Contains(Genesis));
        Assert.False(store.Contains(R(0x20)));
        Assert.Equal(R(0x11), store.GetHead());
        Assert.True(store.OnBlock(new ForkChoiceBlock(R(0x12), R(0x11), new Slot(18), finalized, finalized)).IsAccepted);
        Assert.Equal(R(0x12), store.GetHead());
    }

    [Fact]
    public void OnAttestation_FutureUnknownOrStale_Rejected()
    {
        var store = Store(timeMs: 20 * SlotMs);
        var group = new GroupIndex(0);
        store.SetGroup(new ForkChoiceGroup(group, 2, 2, new Gwei(64 * Eth)));
        Add(store, R(0xa0), Genesis, 1);
        Assert.Equal(ForkChoiceRejection.FromTheFuture, store.OnAttestation(new MemberVote(group, 0, new Epoch(3), R(0xa0))).Rejection);
        Assert.Equal(ForkChoiceRejection.UnknownBlock, store.OnAttestation(new MemberVote(group, 0, new Epoch(2), R(0x99))).Rejection);
        Assert.Equal(ForkChoiceRejection.VoteTooOld, store.OnAttestation(new MemberVote(group, 0, Epoch.Zero, R(0xa0))).Rejection);
        Assert.True(store.OnAttestation(new MemberVote(group, 0, Epoch.Zero, R(0xa0)), fromBlock: true).IsAccepted);
        Assert.Equal(ForkChoiceRejection.UnknownGroupOrMember, store.OnAttestation(new MemberVote(group, 2, new Epoch(2), R(0xa0))).Rejection);
        Assert.Equal(ForkChoiceRejection.UnknownGroupOrMember, store.OnAttestation(new MemberVote(new GroupIndex(5), 0, new Epoch(2), R(0xa0))).Rejection);
    }

    private static ForkChoiceStore Store(ulong timeMs) => new(Config, Genesis, Slot.Zero, timeMs);

    private static ForkChoiceBlock Block(Root root, Root parent, ulong slot) =>
        new(root, parent, new Slot(slot), GenesisCheckpoint, GenesisCheckpoint);

    private static void Add(ForkChoiceStore store, Root root, Root parent, ulong slot)
    {
        var outcome = store.OnBlock(Block(root, parent, slot));
        Assert.True(outcome.IsAccepted, outcome.Detail);
    }

    private static void Vote(ForkChoiceStore store, GroupIndex group, int member, Root root, ulong epoch = 0)
    {
        var outcome = store.OnAttestation(new MemberVote(group, member, new Epoch(epoch), root));
        Assert.True(outcome.IsAccepted, outcome.Detail);
    }

    private static Root R(byte tag)
    {
        var bytes = new byte[Root.Length];
        bytes[0] = tag;
        return new Root(bytes);
    }
}
