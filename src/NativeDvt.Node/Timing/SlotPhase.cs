namespace NativeDvt.Node.Timing;

/// <summary>
/// The instants of a slot at which duties fall, in LEADER_TIMEOUTs (twelfths) from its start; a duty runs at the first
/// tick at or after its instant, so a missed tick costs nothing.
/// </summary>
internal static class SlotPhase
{
    /// <summary>RACE_DEADLINE (protocol.md section 9a): under `race` proposals have this long to spread before members co-sign one.</summary>
    public const int RaceDeadline = 2;

    /// <summary>1/3 of the slot: members attest (earlier if the slot's block arrives). No rank proposes from here on: the votes are cast.</summary>
    public const int Attestation = 4;

    /// <summary>Inclusion lists (docs/inclusion-lists.md): rank 0 proposes its group's list here, rank r r twelfths later.</summary>
    public const int InclusionList = 6;

    /// <summary>2/3 of the slot: aggregators publish their group's attestations.</summary>
    public const int Aggregation = 8;

    /// <summary>The inclusion-list freeze (EIP-7805's 9 s of 12): lists seen later do not bind the next block.</summary>
    public const int InclusionListFreeze = 9;

    /// <summary>The last twelfth: while one of its groups proposes, the node ticks every twelfth up to here (fallback ranks).</summary>
    public const int LastTwelfth = 11;
}
