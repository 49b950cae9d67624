namespace NativeDvt.Grains.Abstractions;

/// <summary>The kinds of <see cref="SlotObservation"/>.</summary>
public static class SlotObservationKinds
{
    /// <summary>The slot began for the node; its head chain names the proposing group (in Group).</summary>
    public const string Due = "due";

    /// <summary>The node attested (its head vote in Root).</summary>
    public const string Attested = "attested";

    /// <summary>The node proposed its group's block (rank in <see cref="SlotObservation.Count"/>).</summary>
    public const string Proposed = "proposed";

    /// <summary>The node signed its leader's proposal (a follow signature).</summary>
    public const string FollowSigned = "follow-signed";

    /// <summary>The node assembled its group's block from m follow signatures (signers in Count, the m-th one's time in Of).</summary>
    public const string Assembled = "assembled";

    /// <summary>The node imported a block (the proposing group in Group).</summary>
    public const string Imported = "imported";

    /// <summary>The node rejected a block (the reason in Detail).</summary>
    public const string Rejected = "rejected";

    /// <summary>An aggregator of the group found its members' attestations split: no m agreed (signers in Count, largest agreement in Of).</summary>
    public const string SplitVote = "split-vote";

    /// <summary>A group's inclusion list was missed (the reason in Detail).</summary>
    public const string InclusionListMissed = "inclusion-list-missed";
}
