namespace NativeDvt.Simulation.Reporting;

/// <summary>A committee group's inclusion list that did not complete before the freeze deadline.</summary>
/// <param name="Slot">The committee's slot.</param>
/// <param name="Group">The group.</param>
/// <param name="Reason">Why, as far as the events tell.</param>
public sealed record MissedInclusionList(ulong Slot, ulong Group, string Reason);
