namespace NativeDvt.Simulation.Reporting;

/// <summary>One epoch as the reference node saw it at the epoch's end.</summary>
/// <param name="Epoch">The epoch.</param>
/// <param name="Finalized">The finalized epoch at the end of <paramref name="Epoch"/>.</param>
/// <param name="Justified">The justified epoch at the end of <paramref name="Epoch"/>.</param>
/// <param name="Proposals">Slots of the epoch with a canonical block.</param>
/// <param name="Missed">Slots of the epoch without one.</param>
/// <param name="SourceRate">Groups that earned the source flag for this epoch, as a fraction of active groups (null until known).</param>
/// <param name="TargetRate">The same for target.</param>
/// <param name="HeadRate">The same for head.</param>
public sealed record EpochFigures(ulong Epoch, ulong Finalized, ulong Justified, int Proposals, int Missed, double? SourceRate, double? TargetRate, double? HeadRate);
