namespace NativeDvt.Simulation.Reporting;

/// <summary>A block that omitted transactions of inclusion lists that nodes had seen in time.</summary>
/// <param name="Slot">The block's slot.</param>
/// <param name="Group">Its proposer group.</param>
/// <param name="Root">Its root (hex).</param>
/// <param name="NodesThatFlagged">Nodes whose check failed (they neither vote for it nor build on it).</param>
/// <param name="MissingTransactions">Listed transactions it left out (the largest count any node found).</param>
/// <param name="VotesFor">Member attestations of its slot whose head is this block.</param>
/// <param name="VotesElsewhere">Member attestations of its slot for another head (mostly its parent): the votes it lost.</param>
/// <param name="Canonical">Whether it is on the reference node's chain at the end.</param>
public sealed record InclusionCheckFailure(ulong Slot, ulong Group, string Root, int NodesThatFlagged, int MissingTransactions, int VotesFor, int VotesElsewhere, bool Canonical);
