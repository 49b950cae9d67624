using NativeDvt.Devnet;
using NativeDvt.Simulation.Reporting;

namespace NativeDvt.Experiments.Metrics;

/// <summary>
/// The figures an experiment takes from each run's report, by name: what plots and the CSV columns refer to.
/// Rates are fractions (0..1) over the epochs whose flags are settled (0 .. E-2). The <c>tested*</c> metrics cover
/// only the groups whose operator is <see cref="TestedOperator"/>: the groups under test, beside the rest of the chain.
/// </summary>
public static class RunMetrics
{
    // Altair's weights of the three attestation flags (TIMELY_SOURCE 14, TIMELY_TARGET 26, TIMELY_HEAD 14 of 64):
    // the share of a group's attestation reward each missed flag costs.
    private const double SourceWeight = 14, TargetWeight = 26, HeadWeight = 14;

    /// <summary>The operator name that marks the groups the <c>tested*</c> metrics cover.</summary>
    public const string TestedOperator = "tested";

    private static readonly (string Name, string Meaning, Func<SimulationReport, DevnetSpec, double> Value)[] Catalogue =
    [
        ("finalizedEpoch", "the finalized epoch at the end", (r, _) => r.FinalizedEpoch),
        ("justifiedEpoch", "the justified epoch at the end", (r, _) => r.JustifiedEpoch),
        ("validators", "validators (groups and solo keys) in the registry", (r, _) => r.Groups),
        ("identities", "member keys, each running a node", (r, _) => r.Identities),
        ("source", "group-epochs with the source flag, of all group-epochs", (r, _) => Rate(r.Participation.Source, r.Participation.GroupEpochs)),
        ("target", "group-epochs with the target flag", (r, _) => Rate(r.Participation.Target, r.Participation.GroupEpochs)),
        ("head", "group-epochs with the head flag", (r, _) => Rate(r.Participation.Head, r.Participation.GroupEpochs)),
        ("rewardLost", "share of the attestation reward lost: missed flags weighted 14/26/14 as in Altair", (r, _) => RewardLost(r)),
        ("missedAttestations", "group-epochs without the target flag", (r, _) => r.Participation.GroupEpochs - r.Participation.Target),
        ("blocks", "slots with a canonical block", (r, _) => r.Proposals.Canonical),
        ("missedSlots", "slots without a canonical block", (r, _) => r.MissedProposals.Count),
        ("missedSlotRate", "slots without a canonical block, of all slots", (r, _) => Rate(r.MissedProposals.Count, r.Proposals.Duties)),
        ("fallbackBlocks", "canonical blocks proposed by a fallback rank", (r, _) => r.Proposals.ByFallbackRank),
        ("lateBlocks", "canonical blocks that reached 95% of the nodes after the attestation deadline", (r, _) => r.Proposals.LateBlocks),
        ("thresholdMs", "mean time from a proposal to its m-th signature (ms)", (r, _) => r.Proposals.MeanThresholdMs),
        ("seenBy95Ms", "mean time into the slot until 95% of the nodes held the block (ms)", (r, _) => r.Proposals.MeanSeenBy95Ms),
        ("seenByAllMs", "mean time into the slot until every node held the block (ms)", (r, _) => r.Proposals.MeanSeenByAllMs),
        ("splitVotes", "slots where a group's members signed different data and none reached m", (r, _) => r.SplitVotes.Count),
        ("splitVoteRate", "split votes per group attestation duty (groups of more than one member x epochs)", (r, _) => SplitVoteRate(r)),
        ("groupSlashings", "groups whose slashing was included", (r, _) => r.GroupSlashings.Where(s => s.Kind == "slashing included").Select(s => s.Who).Distinct().Count()),
        ("slashingEvidence", "group-slashing evidence built (kinds per group)", (r, _) => r.GroupSlashings.Count(s => s.Kind != "slashing included")),
        ("memberEquivocations", "member equivocations (below m: not slashable)", (r, _) => r.MemberEquivocations.Count),
        ("invalidBlocks", "blocks a group completed that honest nodes refused", (r, _) => r.InvalidBlocks.Count),
        ("refusals", "signatures and blocks refused (slashing protection, invalid blocks, rejected gossip)", (r, _) => r.Refusals.Values.Sum()),
        ("keyRotations", "member key rotations included", (r, _) => r.KeyRotations.Count),
        ("revealChoices", "RANDAO reveals a proposer group could choose from, mean over its canonical blocks", (r, _) => r.Proposals.MeanRevealChoices),
        ("revealBits", "RANDAO grinding leeway in bits: log2 of the reveals a proposer could choose from", (r, _) => r.Proposals.MeanRevealChoices > 0 ? Math.Log2(r.Proposals.MeanRevealChoices) : 0),
        ("messagesPerSlot", "gossip messages published per slot, all topics", (r, _) => r.Traffic.Sum(t => t.PublishedPerSlot)),
        ("bytesPerSlot", "bytes delivered per slot, all topics", (r, _) => r.Traffic.Sum(t => t.DeliveredBytesPerSlot)),
        ("herfindahl", "Herfindahl index of stake over operators", (r, _) => r.Stake.Herfindahl),
        ("nakamoto", "Nakamoto coefficient (> 1/3 of stake) over operators", (r, _) => r.Stake.NakamotoCoefficient),
        ("keyHerfindahl", "Herfindahl index of stake over member keys (before groups)", (r, _) => r.StakeByMemberKey.Herfindahl),
        ("keyNakamoto", "Nakamoto coefficient over member keys (before groups)", (r, _) => r.StakeByMemberKey.NakamotoCoefficient),
        ("testedTarget", "target flags of the tested groups, of their group-epochs", (r, d) => Tested(r, d) is var t && t.GroupEpochs == 0 ? 0 : (double)t.Target / t.GroupEpochs),
        ("testedHead", "head flags of the tested groups", (r, d) => Tested(r, d) is var t && t.GroupEpochs == 0 ? 0 : (double)t.Head / t.GroupEpochs),
        ("testedRewardLost", "share of the tested groups' attestation reward lost (weights 14/26/14)", (r, d) => RewardLost(Tested(r, d))),
        ("testedMissedAttestations", "group-epochs of the tested groups without the target flag", (r, d) => Tested(r, d) is var t ? t.GroupEpochs - t.Target : 0),
        ("testedMissedProposals", "proposal duties of the tested groups without a canonical block", (r, d) => Tested(r, d) is var t ? t.ProposalDuties - t.Proposed : 0),
    ];

    /// <summary>Every metric's name, in the CSV's column order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Catalogue.Select(c => c.Name)];

    /// <summary>What a metric measures, for the report's legend.</summary>
    public static string Meaning(string name) => Catalogue.First(c => c.Name == name).Meaning;

    /// <summary>Every metric of one run, in <see cref="Names"/> order.</summary>
    public static IReadOnlyList<double> Of(SimulationReport report, DevnetSpec devnet) => [.. Catalogue.Select(c => c.Value(report, devnet))];

    private static double Rate(int count, int total) => total == 0 ? 0 : (double)count / total;

    private static double RewardLost(SimulationReport r) => RewardLost(r.Participation);

    private static double RewardLost(GroupParticipation p)
    {
        if (p.GroupEpochs == 0)
        {
            return 0;
        }

        var earned = (SourceWeight * p.Source + TargetWeight * p.Target + HeadWeight * p.Head) / (SourceWeight + TargetWeight + HeadWeight);
        return 1 - earned / p.GroupEpochs;
    }

    // The report's per-group rows are in registry order, as the devnet's templates number the groups.
    private static GroupParticipation Tested(SimulationReport r, DevnetSpec devnet)
    {
        var rows = r.ByGroup.Where((_, i) => i < devnet.GroupCount && devnet.TemplateOf(i).Operator == TestedOperator).ToList();
        return new GroupParticipation(TestedOperator, 0, 0, rows.Sum(g => g.GroupEpochs), rows.Sum(g => g.Source), rows.Sum(g => g.Target), rows.Sum(g => g.Head), rows.Sum(g => g.ProposalDuties), rows.Sum(g => g.Proposed));
    }

    private static double SplitVoteRate(SimulationReport r)
    {
        var duties = r.ByGroup.Count(g => g.N > 1) * r.Epochs;
        return Rate(r.SplitVotes.Count, duties);
    }
}
