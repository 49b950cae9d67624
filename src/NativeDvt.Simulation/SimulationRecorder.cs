using NativeDvt.Consensus.Primitives;
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

    public void Receive(NodeEvent nodeEvent)
    {
        switch (nodeEvent)
        {
            case BlockProposed e:
                Record(e);
                break;
            case BlockAssembled e:
                Record(e);
                break;
            case BlockImported e:
                Record(e);
                break;
            case BlockRejected e:
                Record(e);
                break;
            case Attested e:
                Record(e);
                break;
            case SplitVote e:
                Record(e);
                break;
            case SigningRefused e:
                Record(e);
                break;
            case KeyRotationStarted e:
                Record(e);
                break;
            case SigningHalted e:
                Record(e);
                break;
            case MemberEquivocation e:
                Record(e);
                break;
            case GroupSlashingBuilt e:
                Record(e);
                break;
            case GroupSlashingIncluded e:
                Record(e);
                break;
            case KeyRotationIncluded e:
                Record(e);
                break;
            case InclusionListProposed e:
                Record(e);
                break;
            case InclusionListAssembled e:
                Record(e);
                break;
            case InclusionListImported e:
                Record(e);
                break;
            case InclusionListMissed e:
                Record(e);
                break;
            case BlockFailedInclusionCheck e:
                Record(e);
                break;
        }
    }

    private void Record(BlockProposed e)
    {
        Proposals.TryAdd(e.BlockRoot, (e.Slot, e.Node, e.Rank, e.At));
        ProposalsMade.Add((e.Slot, e.Node.Group));
    }

    private void Record(BlockAssembled e) =>
        Assembled.TryAdd(e.BlockRoot, (e.Signers, e.ThresholdAt, e.At));

    private void Record(BlockImported e)
    {
        if (!Imported.TryGetValue(e.BlockRoot, out var times))
        {
            Imported[e.BlockRoot] = times = [];
        }

        times.Add(e.At);
        if (Proposals.TryGetValue(e.BlockRoot, out var proposal) && proposal.By.Group != e.Node.Group)
        {
            if (!ImportedOutside.TryGetValue(e.BlockRoot, out var outside))
            {
                ImportedOutside[e.BlockRoot] = outside = [];
            }

            outside.Add(e.At);
        }
    }

    /// <summary>Complete blocks refused on import, by root: who refused them and why.</summary>
    public Dictionary<Root, List<(MemberId Node, string Reason)>> RejectedBlocks { get; } = [];

    private void Record(BlockRejected e)
    {
        Count("block refused: " + Shorten(e.Reason));
        if (e.Reason.StartsWith("proposal", StringComparison.Ordinal) || e.Reason.StartsWith("own block", StringComparison.Ordinal))
        {
            return;
        }

        if (!RejectedBlocks.TryGetValue(e.BlockRoot, out var by))
        {
            RejectedBlocks[e.BlockRoot] = by = [];
        }

        by.Add((e.Node, e.Reason));
    }

    private void Record(Attested e)
    {
        Attestations++;
        var key = (e.Data.Slot.Value, e.Data.BeaconBlockRoot);
        VotesByHead[key] = VotesByHead.GetValueOrDefault(key) + 1;
    }

    private void Record(SplitVote e) =>
        Splits.TryAdd((e.Slot.Value, e.Node.Group.Value), new SplitVoteRecord(e.Slot.Value, e.Node.Group.Value, e.DistinctData, e.Signers, e.LargestAgreement));

    private void Record(SigningRefused e) =>
        Count("signature refused by slashing protection: " + e.What.Split(' ')[0]);

    private void Record(KeyRotationStarted e) =>
        Count("key rotation started by a member whose one-time keys ran low");

    private void Record(SigningHalted e) =>
        Count("signing halted: " + e.Reason);

    private void Record(MemberEquivocation e) =>
        Equivocations.TryAdd((e.Equivocator.ToString(), e.Kind, e.Slot.Value), new EquivocationRecord(e.Equivocator.ToString(), e.Kind, e.Slot.Value, $"first seen by {e.Node} at {e.At.TotalMilliseconds:0} ms"));

    private void Record(GroupSlashingBuilt e)
    {
        var evidence = e.Evidence;
        var group = evidence.Group.Value;
        SlashingMessage Side(SlashingSide side) =>
            new(side.Slot.Value, side.Root.ToString()[..18], [.. side.Members.Select(m => new MemberId(evidence.Group, m).ToString())]);
        Slashings.TryAdd((group, "built: " + evidence.Kind), new GroupSlashingRecord($"g{group}", "evidence built: " + evidence.Kind, evidence.First.Slot.Value, $"by {e.Node} at {e.At.TotalMilliseconds:0} ms")
        {
            First = Side(evidence.First),
            Second = Side(evidence.Second),
        });
    }

    private void Record(GroupSlashingIncluded e) =>
        Slashings.TryAdd((e.Group.Value, "included"), new GroupSlashingRecord($"g{e.Group.Value}", "slashing included", e.Slot.Value, $"first imported by {e.Node}"));

    public SortedDictionary<(string Member, ulong Epoch), KeyRotationRecord> KeyRotations { get; } = [];

    private void Record(KeyRotationIncluded e) =>
        KeyRotations.TryAdd((e.Member.ToString(), e.Epoch.Value), new KeyRotationRecord(e.Member.ToString(), e.Epoch.Value, e.Slot.Value));

    private void Record(InclusionListProposed e) =>
        InclusionListsProposed.Add((e.Slot.Value, e.Node.Group.Value));

    private void Record(InclusionListAssembled e) =>
        InclusionListsAssembled.TryAdd((e.Slot.Value, e.Node.Group.Value), e.Signers);

    private void Record(InclusionListImported e)
    {
        var key = (e.Slot.Value, e.Group.Value);
        var (early, late) = InclusionListsImported.GetValueOrDefault(key);
        InclusionListsImported[key] = e.InTime ? (early + 1, late) : (early, late + 1);
    }

    private void Record(InclusionListMissed e) =>
        InclusionListsMissed.TryAdd((e.Slot.Value, e.Group.Value), e.Reason);

    private void Record(BlockFailedInclusionCheck e)
    {
        var (_, nodes, most) = FailedInclusionChecks.GetValueOrDefault(e.BlockRoot);
        FailedInclusionChecks[e.BlockRoot] = (e.Slot.Value, nodes + 1, Math.Max(most, e.Missing));
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
