using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.ForkChoice;

/// <summary>What fork choice needs of a block that passed the state transition: its place in the tree and its post-state checkpoints.</summary>
public sealed record ForkChoiceBlock(
    Root Root,
    Root ParentRoot,
    Slot Slot,
    ForkChoiceCheckpoint Justified,
    ForkChoiceCheckpoint Finalized)
{
    /// <summary>
    /// The justified checkpoint after running justification and finalization on the post-state
    /// (compute_pulled_up_tip); null when the caller does not compute it, which means the realized one.
    /// </summary>
    public ForkChoiceCheckpoint? UnrealizedJustified { get; init; }

    /// <summary>The finalized counterpart of <see cref="UnrealizedJustified"/>.</summary>
    public ForkChoiceCheckpoint? UnrealizedFinalized { get; init; }

    /// <summary>The pulled-up justified checkpoint (store.unrealized_justifications[root]).</summary>
    public ForkChoiceCheckpoint PulledUpJustified => UnrealizedJustified ?? Justified;

    /// <summary>The pulled-up finalized checkpoint.</summary>
    public ForkChoiceCheckpoint PulledUpFinalized => UnrealizedFinalized ?? Finalized;
}
