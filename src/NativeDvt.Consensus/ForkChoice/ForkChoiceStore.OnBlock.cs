namespace NativeDvt.Consensus.ForkChoice;

public sealed partial class ForkChoiceStore
{
    /// <summary>on_block: adds a block whose state transition succeeded, applies the proposer boost and updates checkpoints.</summary>
    public ForkChoiceOutcome OnBlock(ForkChoiceBlock block)
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

        var finalizedSlot = StartSlotOf(Finalized.Epoch);
        if (block.Slot <= finalizedSlot || _nodes[AncestorAt(parent, finalizedSlot)].Block.Root != Finalized.Root)
        {
            return ForkChoiceOutcome.Rejected(ForkChoiceRejection.NotDescendantOfFinalized, $"block does not descend from the finalized block {Finalized.Root}");
        }

        if ((block.Justified.Epoch > Justified.Epoch && !_indices.ContainsKey(block.Justified.Root))
            || (block.Finalized.Epoch > Finalized.Epoch && !_indices.ContainsKey(block.Finalized.Root)))
        {
            return ForkChoiceOutcome.Rejected(ForkChoiceRejection.UnknownCheckpointBlock, "a newer checkpoint names an unknown block");
        }

        AddNode(block, parent);

        var intoSlot = (TimeMs - _config.GenesisTimeMs) % _config.SlotDurationMs;
        var isTimely = block.Slot == CurrentSlot && intoSlot < _config.SlotDurationMs / _config.IntervalsPerSlot;
        if (isTimely && ProposerBoostRoot is null)
        {
            ProposerBoostRoot = block.Root;
        }

        // update_checkpoints
        if (block.Justified.Epoch > Justified.Epoch)
        {
            Justified = block.Justified;
        }

        if (block.Finalized.Epoch > Finalized.Epoch)
        {
            Finalized = block.Finalized;
        }

        return ForkChoiceOutcome.Accepted;
    }
}
