namespace NativeDvt.Consensus.SlashingProtection;

/// <summary>Why a signing request was refused.</summary>
public enum SlashingRefusal
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>Another block (or one of unknown signing root) was signed at this slot.</summary>
    DoubleProposal,

    /// <summary>The slot is at or below the lowest slot on record (after an import, the EIP-3076 low watermark).</summary>
    BlockBelowLowWatermark,

    /// <summary>The source epoch is after the target epoch.</summary>
    SourceAfterTarget,

    /// <summary>Another attestation (or one of unknown signing root) was signed for this target epoch.</summary>
    DoubleVote,

    /// <summary>The new attestation surrounds one on record.</summary>
    SurroundsExisting,

    /// <summary>The new attestation is surrounded by one on record.</summary>
    SurroundedByExisting,

    /// <summary>The source epoch is below the lowest source on record, or the target at or below the lowest target.</summary>
    AttestationBelowLowWatermark,

    /// <summary>Another inclusion list was signed for this slot (the group's one-list-per-slot rule; not slashable on chain).</summary>
    DoubleInclusionList,

    /// <summary>The slot is below the inclusion-list record's pruning watermark.</summary>
    InclusionListBelowLowWatermark,
}
