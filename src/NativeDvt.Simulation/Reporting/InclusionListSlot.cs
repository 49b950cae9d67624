namespace NativeDvt.Simulation.Reporting;

/// <summary>One slot's inclusion-list committee: how many of its groups' lists completed in time, late, or not at all.</summary>
public sealed record InclusionListSlot(ulong Slot, int Groups, int CompleteInTime, int CompleteLate, int Missed);
