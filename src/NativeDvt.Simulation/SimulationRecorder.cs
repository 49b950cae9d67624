using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Events;
using NativeDvt.Simulation.Reporting;

namespace NativeDvt.Simulation;

/// <summary>Collects every node's events into the figures a report needs (deduplicated: many nodes see one thing).</summary>
internal sealed class SimulationRecorder : INodeEventSink
{
    public Dictionary<Root, (Slot Slot, MemberId By, int Rank, TimeSpan At)> Proposals { get; } = [];

    public HashSet<(Slot Slot, GroupIndex Group)> ProposalsMade { get; } = [];

    public Dictionary<Root, (int Signers, TimeSpan ThresholdAt, TimeSpan At)> Assembled { get; } = [];

    public Dictionary<Root, List<TimeSpan>> Imported { get; } = [];

    /// <summary>Imports by nodes outside the block's proposer group (whose members may hold it long before it leaves).</summary>
    public Dictionary<Root, List<TimeSpan>> ImportedOutside { get; } = [];

    public SortedDictionary<(ulong Slot, ulong Group), SplitVoteRecord> Splits { get; } = [];

    public SortedDictionary<(string Who, string Kind, ulong Slot), EquivocationRecord> Equivocations { get; } = [];

    public SortedDictionary<(ulong Group, string Kind), GroupSlashingRecord> Slashings { get; } = [];

    public SortedDictionary<string, int> Refusals { get; } = new(StringComparer.Ordinal);

    public long Attestations { get; private set; }

    /// <summary>Member attestations per (slot, head voted for).</summary>
    public Dictionary<(ulong Slot, Root Head), int> VotesByHead { get; } = [];

    public HashSet<(ulong Slot, ulong Group)> InclusionListsProposed { get; } = [];

    public Dictionary<(ulong Slot, ulong Group), int> InclusionListsAssembled { get; } = [];

    /// <summary>Per (slot, group): nodes that took the complete list before the freeze, and after it.</summary>
    public Dictionary<(ulong Slot, ulong Group), (int InTime, int Late)> InclusionListsImported { get; } = [];

    /// <summary>The first reason a member of the group gave at the freeze deadline.</summary>
    public Dictionary<(ulong Slot, ulong Group), string> InclusionListsMissed { get; } = [];

    /// <summary>Blocks that failed some node's inclusion-list check: slot, nodes that found it, most transactions missing.</summary>
    public Dictionary<Root, (ulong Slot, int Nodes, int Missing)> FailedInclusionChecks { get; } = [];

    public void BlockProposed(MemberId node, Slot slot, int rank, Root blockRoot, TimeSpan at)
    {
        Proposals.TryAdd(blockRoot, (slot, node, rank, at));
        ProposalsMade.Add((slot, node.Group));
    }

    public void FollowSigned(MemberId node, Slot slot, Root blockRoot, TimeSpan at)
    {
    }

    public void BlockAssembled(MemberId node, Slot slot, Root blockRoot, int signers, TimeSpan thresholdAt, TimeSpan at) =>
        Assembled.TryAdd(blockRoot, (signers, thresholdAt, at));

    public void BlockImported(MemberId node, Slot slot, Root blockRoot, TimeSpan at)
    {
        if (!Imported.TryGetValue(blockRoot, out var times))
        {
            Imported[blockRoot] = times = [];
        }

        times.Add(at);
        if (Proposals.TryGetValue(blockRoot, out var proposal) && proposal.By.Group != node.Group)
        {
            if (!ImportedOutside.TryGetValue(blockRoot, out var outside))
            {
                ImportedOutside[blockRoot] = outside = [];
            }

            outside.Add(at);
        }
    }

    /// <summary>Complete blocks refused on import, by root: who refused them and why.</summary>
    public Dictionary<Root, List<(MemberId Node, string Reason)>> RejectedBlocks { get; } = [];

    public void BlockRejected(MemberId node, Slot slot, Root blockRoot, string reason, TimeSpan at)
    {
        Count("block refused: " + Shorten(reason));
        if (reason.StartsWith("proposal", StringComparison.Ordinal) || reason.StartsWith("own block", StringComparison.Ordinal))
        {
            return;
        }

        if (!RejectedBlocks.TryGetValue(blockRoot, out var by))
        {
            RejectedBlocks[blockRoot] = by = [];
        }

        by.Add((node, reason));
    }

    public void Attested(MemberId node, AttestationData data, TimeSpan at)
    {
        Attestations++;
        var key = (data.Slot.Value, data.BeaconBlockRoot);
        VotesByHead[key] = VotesByHead.GetValueOrDefault(key) + 1;
    }

    public void SplitVote(MemberId aggregator, Slot slot, int distinctData, int signers, int largestAgreement, TimeSpan at) =>
        Splits.TryAdd((slot.Value, aggregator.Group.Value), new SplitVoteRecord(slot.Value, aggregator.Group.Value, distinctData, signers, largestAgreement));

    public void SigningRefused(MemberId node, string what, string detail, TimeSpan at) =>
        Count("signature refused by slashing protection: " + what.Split(' ')[0]);

    public void KeyRotationStarted(MemberId node, int remaining, Epoch epoch, TimeSpan at) =>
        Count("key rotation started by a member whose one-time keys ran low");

    public void SigningHalted(MemberId node, string reason, TimeSpan at) =>
        Count("signing halted: " + reason);

    public void MemberEquivocation(MemberId observer, MemberId equivocator, string kind, Slot slot, TimeSpan at) =>
        Equivocations.TryAdd((equivocator.ToString(), kind, slot.Value), new EquivocationRecord(equivocator.ToString(), kind, slot.Value, $"first seen by {observer} at {at.TotalMilliseconds:0} ms"));

    public void GroupSlashingBuilt(MemberId node, GroupSlashingEvidence evidence, TimeSpan at)
    {
        var group = evidence.Group.Value;
        SlashingMessage Side(SlashingSide side) =>
            new(side.Slot.Value, side.Root.ToString()[..18], [.. side.Members.Select(m => new MemberId(evidence.Group, m).ToString())]);
        Slashings.TryAdd((group, "built: " + evidence.Kind), new GroupSlashingRecord($"g{group}", "evidence built: " + evidence.Kind, evidence.First.Slot.Value, $"by {node} at {at.TotalMilliseconds:0} ms")
        {
            First = Side(evidence.First),
            Second = Side(evidence.Second),
        });
    }

    public void GroupSlashingIncluded(MemberId node, GroupIndex group, Slot slot, TimeSpan at) =>
        Slashings.TryAdd((group.Value, "included"), new GroupSlashingRecord($"g{group.Value}", "slashing included", slot.Value, $"first imported by {node}"));

    public SortedDictionary<(string Member, ulong Epoch), KeyRotationRecord> KeyRotations { get; } = [];

    public void KeyRotationIncluded(MemberId node, MemberId member, Epoch epoch, Slot slot, TimeSpan at) =>
        KeyRotations.TryAdd((member.ToString(), epoch.Value), new KeyRotationRecord(member.ToString(), epoch.Value, slot.Value));

    public void Finalized(MemberId node, Epoch epoch, Root root, TimeSpan at)
    {
    }

    public void InclusionListProposed(MemberId node, Slot slot, int rank, Root listRoot, int transactions, TimeSpan at) =>
        InclusionListsProposed.Add((slot.Value, node.Group.Value));

    public void InclusionListFollowSigned(MemberId node, Slot slot, Root listRoot, TimeSpan at)
    {
    }

    public void InclusionListAssembled(MemberId node, Slot slot, Root listRoot, int signers, TimeSpan at) =>
        InclusionListsAssembled.TryAdd((slot.Value, node.Group.Value), signers);

    public void InclusionListImported(MemberId node, Slot slot, GroupIndex group, Root listRoot, bool inTime, TimeSpan at)
    {
        var key = (slot.Value, group.Value);
        var (early, late) = InclusionListsImported.GetValueOrDefault(key);
        InclusionListsImported[key] = inTime ? (early + 1, late) : (early, late + 1);
    }

    public void InclusionListMissed(MemberId node, Slot slot, GroupIndex group, string reason, TimeSpan at) =>
        InclusionListsMissed.TryAdd((slot.Value, group.Value), reason);

    public void BlockFailedInclusionCheck(MemberId node, Slot slot, Root blockRoot, int missing, TimeSpan at)
    {
        var (_, nodes, most) = FailedInclusionChecks.GetValueOrDefault(blockRoot);
        FailedInclusionChecks[blockRoot] = (slot.Value, nodes + 1, Math.Max(most, missing));
    }

    private void Count(string key) => Refusals[key] = Refusals.GetValueOrDefault(key) + 1;

    // Reasons carry numbers (slots, counts); keep the rule so that counts group.
    private static string Shorten(string reason)
    {
        var colon = reason.IndexOf(':', StringComparison.Ordinal);
        var second = colon < 0 ? -1 : reason.IndexOf(':', colon + 1);
        return second < 0 ? reason : reason[..second];
    }
}
