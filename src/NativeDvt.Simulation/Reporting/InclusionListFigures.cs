namespace NativeDvt.Simulation.Reporting;

/// <summary>Inclusion lists over the run (protocol.md sections 6 and 8).</summary>
/// <param name="CommitteeSize">IL_COMMITTEE_SIZE (positions per slot; 0: inclusion lists off).</param>
/// <param name="Expected">Lists due: distinct committee groups summed over the observed slots.</param>
/// <param name="CompleteInTime">Lists some node took complete before the slot's freeze deadline.</param>
/// <param name="CompleteLate">Lists completed only after the freeze (they bind nothing).</param>
/// <param name="Missed">Lists that never completed.</param>
/// <param name="MessagesPerSlot">Messages published per slot on the three inclusion-list topics.</param>
/// <param name="DeliveredBytesPerSlot">Bytes delivered per slot on those topics.</param>
/// <param name="BySlot">Per slot: the committee's outcome.</param>
/// <param name="MissedLists">Every missed or late list with the reason.</param>
/// <param name="FailedBlocks">Blocks that omitted transactions of lists nodes saw in time.</param>
public sealed record InclusionListFigures(
    int CommitteeSize,
    int Expected,
    int CompleteInTime,
    int CompleteLate,
    int Missed,
    double MessagesPerSlot,
    double DeliveredBytesPerSlot,
    IReadOnlyList<InclusionListSlot> BySlot,
    IReadOnlyList<MissedInclusionList> MissedLists,
    IReadOnlyList<InclusionCheckFailure> FailedBlocks);
