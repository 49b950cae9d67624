namespace NativeDvt.Node.Libp2p.Devnet;

/// <summary>
/// One epoch as the reference node saw it at the epoch's end: its finalized and justified epochs, its head slot, the
/// canonical blocks of the epoch, and the share of groups with each timely flag for the previous epoch (null for epoch 0).
/// </summary>
public sealed record EpochObservation(
    ulong Epoch,
    ulong Finalized,
    ulong Justified,
    ulong HeadSlot,
    int Blocks,
    int ProposalSlots,
    double? Source,
    double? Target,
    double? Head);
