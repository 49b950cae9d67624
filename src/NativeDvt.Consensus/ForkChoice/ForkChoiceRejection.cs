namespace NativeDvt.Consensus.ForkChoice;

/// <summary>Why fork choice did not take a block or vote.</summary>
public enum ForkChoiceRejection
{
    /// <summary>Taken.</summary>
    None,

    /// <summary>The parent block (or the voted block) is not in the store; the caller may retry once it is.</summary>
    UnknownBlock,

    /// <summary>The block's slot is after the current slot, or the vote's epoch after the current epoch.</summary>
    FromTheFuture,

    /// <summary>The block is not after its parent's slot.</summary>
    SlotNotAfterParent,

    /// <summary>The block is at or before the finalized slot (blocks off the finalized chain are pruned: their parents are unknown).</summary>
    NotDescendantOfFinalized,

    /// <summary>The block's justified or finalized checkpoint names a block the store does not have.</summary>
    UnknownCheckpointBlock,

    /// <summary>The vote is older than the previous epoch (and did not come from a block).</summary>
    VoteTooOld,

    /// <summary>The voted block is newer than the vote's epoch.</summary>
    VoteForLaterBlock,

    /// <summary>The vote names a group fork choice has no weight for, or a member index outside the group.</summary>
    UnknownGroupOrMember,
}
