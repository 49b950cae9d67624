using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.ForkChoice;

/// <summary>What fork choice needs of a block that passed the state transition: its place in the tree and its post-state checkpoints.</summary>
public sealed record ForkChoiceBlock(
    Root Root,
    Root ParentRoot,
    Slot Slot,
    ForkChoiceCheckpoint Justified,
    ForkChoiceCheckpoint Finalized);
