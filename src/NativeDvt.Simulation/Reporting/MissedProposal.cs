namespace NativeDvt.Simulation.Reporting;

/// <summary>A slot whose proposer group has no block on the canonical chain.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Group">The proposer group.</param>
/// <param name="Reason">Why, as far as the events tell.</param>
public sealed record MissedProposal(ulong Slot, ulong Group, string Reason);
