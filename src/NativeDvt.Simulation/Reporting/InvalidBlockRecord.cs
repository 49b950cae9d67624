namespace NativeDvt.Simulation.Reporting;

/// <summary>A block its group completed (at least m signatures) that honest nodes refused: a consensus bug reached m.</summary>
/// <param name="Slot">The block's slot.</param>
/// <param name="Group">The group that signed it.</param>
/// <param name="BuggyMembers">Members of the group running a bug-* profile.</param>
/// <param name="Profiles">Those members' profiles.</param>
/// <param name="Reason">Why honest nodes refused it.</param>
/// <param name="RefusedBy">Honest nodes that refused it.</param>
public sealed record InvalidBlockRecord(ulong Slot, ulong Group, int BuggyMembers, string Profiles, string Reason, int RefusedBy);
