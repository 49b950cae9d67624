namespace NativeDvt.Grains.Abstractions;

/// <summary>
/// One thing an identity's node saw or did in a slot, as the dashboard's per-slot views need it: the leader's proposal,
/// the m-th follow signature, a block's import or rejection, a split vote, a missed inclusion list.
/// </summary>
/// <param name="Slot">The slot.</param>
/// <param name="Kind">One of <see cref="SlotObservationKinds"/>.</param>
/// <param name="Who">The identity that saw it (<c>g3/m1</c>).</param>
/// <param name="Group">The group it concerns: the proposing group for blocks, the attesting one for split votes and inclusion lists; null when the node did not say (an import).</param>
/// <param name="Seconds">When, in seconds after the slot's start by the node's clock.</param>
/// <param name="Root">The block's or inclusion list's root, 0x-hex, or empty.</param>
/// <param name="Count">Signers of an assembled block or a split aggregate; the proposal's rank.</param>
/// <param name="Of">For a split vote, the size of the largest agreeing set; for an assembled block, when (s) the m-th follow signature arrived.</param>
/// <param name="Detail">A rejection's or a miss's reason, or empty.</param>
[GenerateSerializer, Immutable, Alias("ndvt.slot-observation")]
public sealed record SlotObservation(
    [property: Id(0)] ulong Slot,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Who,
    [property: Id(3)] ulong? Group,
    [property: Id(4)] double Seconds,
    [property: Id(5)] string Root,
    [property: Id(6)] int Count,
    [property: Id(7)] double Of,
    [property: Id(8)] string Detail);
