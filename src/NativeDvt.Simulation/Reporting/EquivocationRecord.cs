namespace NativeDvt.Simulation.Reporting;

/// <summary>A member equivocation (below m: not slashable) or group-slashing evidence.</summary>
/// <param name="Who">The member (g3/m1) or group (g3).</param>
/// <param name="Kind">double proposal, double vote.</param>
/// <param name="Slot">The slot of the evidence (or of the block that included it).</param>
/// <param name="Detail">What was seen.</param>
public sealed record EquivocationRecord(string Who, string Kind, ulong Slot, string Detail);
