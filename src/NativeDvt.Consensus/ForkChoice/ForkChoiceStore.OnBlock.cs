namespace NativeDvt.Consensus.ForkChoice;

public sealed partial class ForkChoiceStore
{
    /// <summary>on_block: adds a block whose state transition succeeded, applies the proposer boost and updates checkpoints.</summary>
    /// <param name="block">The block.</param>
    /// <param name="boostEligible">
    /// False keeps the proposer boost from the block even when timely: EIP-7805 boosts only blocks that satisfy the
    /// inclusion lists the node saw in time (the caller decides that; the store knows no lists).
    /// </param>
    public ForkChoiceOutcome OnBlock(ForkChoiceBlock block, bool boostEligible = true)
    {
        if (_indices.ContainsKey(block.Root))
        {
            return ForkChoiceOutcome.Accepted;
        }

        if (!_indices.TryGetValue(block.ParentRoot, out var parent))
        {
            return ForkChoiceOutcome.Rejected(ForkChoiceRejection.UnknownBlock, $"parent {block.ParentRoot} is unknown");
        }

        if (block.Slot > CurrentSlot)
        {
            return ForkChoiceOutcome.Rejected(ForkChoiceRejection.FromTheFuture, $"slot {block.Slot} is after the current slot {CurrentSlot}");
        }

        if (block.Slot <= _nodes[parent].Block.Slot)
        {
            return ForkChoiceOutcome.Rejected(ForkChoiceRejection.SlotNotAfterParent, $"slot {block.Slot} is not after the parent's {_nodes[parent].Block.Slot}");
        }

        // The tree is pruned to the finalized block's subtree, so a known parent descends from it; only
        // the slot can still conflict (when the finalized checkpoint's block precedes its epoch's start).
        var finalizedSlot = StartSlotOf(Finalized.Epoch);
        if (block.Slot <= finalizedSlot)
        {
            return ForkChoiceOutcome.Rejected(ForkChoiceRejection.NotDescendantOfFinalized, $"slot {block.Slot} is not after the finalized slot {finalizedSlot}");
        }

        if (!IsKnownIfNewer(block, block.Justified, Justified) || !IsKnownIfNewer(block, block.Finalized, Finalized)
            || !IsKnownIfNewer(block, block.PulledUpJustified, UnrealizedJustified) || !IsKnownIfNewer(block, block.PulledUpFinalized, UnrealizedFinalized))
        {
            return ForkChoiceOutcome.Rejected(ForkChoiceRejection.UnknownCheckpointBlock, "a newer checkpoint names an unknown block");
        }

        AddNode(block, parent);

        var intoSlot = (TimeMs - _config.GenesisTimeMs) % _config.SlotDurationMs;
        var isTimely = block.Slot == CurrentSlot && intoSlot < _config.SlotDurationMs / _config.IntervalsPerSlot;
        if (isTimely && boostEligible && ProposerBoostRoot is null)
        {
            ProposerBoostRoot = block.Root;
        }

        UpdateCheckpoints(block.Justified, block.Finalized);

        // compute_pulled_up_tip: track the unrealized checkpoints; a block from a past epoch realizes them now.
        if (block.PulledUpJustified.Epoch > UnrealizedJustified.Epoch)
        {
            UnrealizedJustified = block.PulledUpJustified;
        }

        if (block.PulledUpFinalized.Epoch > UnrealizedFinalized.Epoch)
        {
            UnrealizedFinalized = block.PulledUpFinalized;
        }

        if (EpochOf(block.Slot) < CurrentEpoch)
        {
            UpdateCheckpoints(block.PulledUpJustified, block.PulledUpFinalized);
        }

        return ForkChoiceOutcome.Accepted;
    }

    private bool IsKnownIfNewer(ForkChoiceBlock block, ForkChoiceCheckpoint checkpoint, ForkChoiceCheckpoint current) =>
        checkpoint.Epoch <= current.Epoch || checkpoint.Root == block.Root || _indices.ContainsKey(checkpoint.Root);
}
