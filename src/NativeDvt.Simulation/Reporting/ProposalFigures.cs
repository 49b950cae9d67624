namespace NativeDvt.Simulation.Reporting;

/// <summary>Block production over the run (protocol.md section 8: latency leader -> m-th follow -> seen by all).</summary>
/// <param name="Duties">Slots after genesis.</param>
/// <param name="Canonical">Slots with a canonical block.</param>
/// <param name="ByFallbackRank">Canonical blocks proposed by a rank other than 0.</param>
/// <param name="MeanThresholdMs">Mean time from the proposal to its m-th signature.</param>
/// <param name="MeanAssembledMs">Mean time from slot start to the assembled block leaving.</param>
/// <param name="MeanSeenBy95Ms">Mean time from slot start until 95% of the nodes that imported the block had it.</param>
/// <param name="MeanSeenByAllMs">Mean time from slot start until the last node imported the block (a node back from a crash counts when it caught up).</param>
/// <param name="MaxSeenByAllMs">The largest such time.</param>
/// <param name="MeanRevealChoices">
/// RANDAO grinding leeway (protocol.md section 8): members of the proposer group that were up, i.e. distinct reveals
/// the group could have chosen from, averaged over canonical blocks (a solo validator has 1).
/// </param>
/// <param name="LateBlocks">
/// Canonical blocks that reached 95% of the nodes after the 1/3-slot attestation deadline: their slot's attesters voted
/// for the parent, so the groups attesting in that slot lost the head flag.
/// </param>
public sealed record ProposalFigures(int Duties, int Canonical, int ByFallbackRank, double MeanThresholdMs, double MeanAssembledMs, double MeanSeenBy95Ms, double MeanSeenByAllMs, double MaxSeenByAllMs, double MeanRevealChoices, int LateBlocks);
