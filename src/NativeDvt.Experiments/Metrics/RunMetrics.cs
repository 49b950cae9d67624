using NativeDvt.Simulation.Reporting;

namespace NativeDvt.Experiments.Metrics;

/// <summary>
/// The figures an experiment takes from each run's report, by name: what plots and the CSV columns refer to.
/// Rates are fractions (0..1) over the epochs whose flags are settled (0 .. E-2).
/// </summary>
public static class RunMetrics
{
    // Altair's weights of the three attestation flags (TIMELY_SOURCE 14, TIMELY_TARGET 26, TIMELY_HEAD 14 of 64):
    // the share of a group's attestation reward each missed flag costs.
    private const double SourceWeight = 14, TargetWeight = 26, HeadWeight = 14;

    private static readonly (string Name, string Meaning, Func<SimulationReport, double> Value)[] Catalogue =
    [
        ("finalizedEpoch", "the finalized epoch at the end", r => r.FinalizedEpoch),
        ("justifiedEpoch", "the justified epoch at the end", r => r.JustifiedEpoch),
        ("validators", "validators (groups and solo keys) in the registry", r => r.Groups),
        ("identities", "member keys, each running a node", r => r.Identities),
        ("source", "group-epochs with the source flag, of all group-epochs", r => Rate(r.Participation.Source, r.Participation.GroupEpochs)),
        ("target", "group-epochs with the target flag", r => Rate(r.Participation.Target, r.Participation.GroupEpochs)),
        ("head", "group-epochs with the head flag", r => Rate(r.Participation.Head, r.Participation.GroupEpochs)),
        ("rewardLost", "share of the attestation reward lost: missed flags weighted 14/26/14 as in Altair", RewardLost),
        ("missedAttestations", "group-epochs without the target flag", r => r.Participation.GroupEpochs - r.Participation.Target),
        ("blocks", "slots with a canonical block", r => r.Proposals.Canonical),
        ("missedSlots", "slots without a canonical block", r => r.MissedProposals.Count),
        ("missedSlotRate", "slots without a canonical block, of all slots", r => Rate(r.MissedProposals.Count, r.Proposals.Duties)),
        ("fallbackBlocks", "canonical blocks proposed by a fallback rank", r => r.Proposals.ByFallbackRank),
        ("lateBlocks", "canonical blocks that reached 95% of the nodes after the attestation deadline", r => r.Proposals.LateBlocks),
        ("thresholdMs", "mean time from a proposal to its m-th signature (ms)", r => r.Proposals.MeanThresholdMs),
        ("seenBy95Ms", "mean time into the slot until 95% of the nodes held the block (ms)", r => r.Proposals.MeanSeenBy95Ms),
        ("seenByAllMs", "mean time into the slot until every node held the block (ms)", r => r.Proposals.MeanSeenByAllMs),
        ("splitVotes", "slots where a group's members signed different data and none reached m", r => r.SplitVotes.Count),
        ("splitVoteRate", "split votes per group attestation duty (groups of more than one member x epochs)", SplitVoteRate),
        ("groupSlashings", "groups whose slashing was included", r => r.GroupSlashings.Where(s => s.Kind == "slashing included").Select(s => s.Who).Distinct().Count()),
        ("slashingEvidence", "group-slashing evidence built (kinds per group)", r => r.GroupSlashings.Count(s => s.Kind != "slashing included")),
        ("memberEquivocations", "member equivocations (below m: not slashable)", r => r.MemberEquivocations.Count),
        ("invalidBlocks", "blocks a group completed that honest nodes refused", r => r.InvalidBlocks.Count),
        ("refusals", "signatures and blocks refused (slashing protection, invalid blocks, rejected gossip)", r => r.Refusals.Values.Sum()),
        ("keyRotations", "member key rotations included", r => r.KeyRotations.Count),
        ("revealChoices", "RANDAO reveals a proposer group could choose from, mean over its canonical blocks", r => r.Proposals.MeanRevealChoices),
        ("messagesPerSlot", "gossip messages published per slot, all topics", r => r.Traffic.Sum(t => t.PublishedPerSlot)),
        ("bytesPerSlot", "bytes delivered per slot, all topics", r => r.Traffic.Sum(t => t.DeliveredBytesPerSlot)),
        ("herfindahl", "Herfindahl index of stake over operators", r => r.Stake.Herfindahl),
        ("nakamoto", "Nakamoto coefficient (> 1/3 of stake) over operators", r => r.Stake.NakamotoCoefficient),
        ("keyHerfindahl", "Herfindahl index of stake over member keys (before groups)", r => r.StakeByMemberKey.Herfindahl),
        ("keyNakamoto", "Nakamoto coefficient over member keys (before groups)", r => r.StakeByMemberKey.NakamotoCoefficient),
    ];

    /// <summary>Every metric's name, in the CSV's column order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Catalogue.Select(c => c.Name)];

    /// <summary>What a metric measures, for the report's legend.</summary>
    public static string Meaning(string name) => Catalogue.First(c => c.Name == name).Meaning;

    /// <summary>Every metric of one run, in <see cref="Names"/> order.</summary>
    public static IReadOnlyList<double> Of(SimulationReport report) => [.. Catalogue.Select(c => c.Value(report))];

    private static double Rate(int count, int total) => total == 0 ? 0 : (double)count / total;

    private static double RewardLost(SimulationReport r)
    {
        var p = r.Participation;
        if (p.GroupEpochs == 0)
        {
            return 0;
        }

        var earned = (SourceWeight * p.Source + TargetWeight * p.Target + HeadWeight * p.Head) / (SourceWeight + TargetWeight + HeadWeight);
        return 1 - earned / p.GroupEpochs;
    }

    private static double SplitVoteRate(SimulationReport r)
    {
        var duties = r.ByGroup.Count(g => g.N > 1) * r.Epochs;
        return Rate(r.SplitVotes.Count, duties);
    }
}
