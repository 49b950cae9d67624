namespace NativeDvt.Simulation.Reporting;

/// <summary>A member key rotation that a block carried (signed by at least m members of the group).</summary>
/// <param name="Member">The member whose key changes (g3/m1).</param>
/// <param name="Epoch">The epoch from which the new key counts and the old one no longer does.</param>
/// <param name="IncludedSlot">The slot of the first block seen carrying it.</param>
public sealed record KeyRotationRecord(string Member, ulong Epoch, ulong IncludedSlot);
