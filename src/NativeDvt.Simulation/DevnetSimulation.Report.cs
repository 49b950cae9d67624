using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Duties;
using NativeDvt.Consensus.InclusionLists;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition.PerEpoch;
using NativeDvt.Devnet;
using NativeDvt.Node.Network;
using NativeDvt.Node.Sharing;
using NativeDvt.Simulation.Reporting;
using GroupParticipation = NativeDvt.Simulation.Reporting.GroupParticipation;

namespace NativeDvt.Simulation;

public sealed partial class DevnetSimulation
{
    private readonly List<(ulong Slot, bool Active)> _partitions = [];
    private readonly SortedDictionary<ulong, byte[]> _flags = [];
    private readonly List<(ulong Epoch, ulong Finalized, ulong Justified, int Proposals, int Missed)> _epochs = [];
    private readonly List<(Slot Slot, GroupIndex Group)> _missed = [];
    private readonly List<(ulong Slot, GroupIndex Group, Root? Root)> _duties = [];
    private readonly List<InclusionListSlot> _ilSlots = [];
    private readonly List<MissedInclusionList> _ilMissed = [];

    /// <summary>At the end of each epoch: the reference node's view (finality, canonical blocks, the previous epoch's flags).</summary>
    private void Observe(ulong epoch)
    {
        var reference = _hosts.FirstOrDefault(h => h.Running && h.Profile.Kind == ProfileKind.Honest) ?? _hosts.FirstOrDefault(h => h.Running);
        if (reference is null)
        {
            _epochs.Add((epoch, 0, 0, 0, 0));
            return;
        }

        var node = reference.Node;
        var preset = _genesis.Preset;
        var start = epoch * preset.SlotsPerEpoch;
        var last = start + preset.SlotsPerEpoch - 1;
        var head = node.HeadBlock;
        var state = _states.Advanced(head, new Slot(last));
        if (epoch >= 1)
        {
            _flags[epoch - 1] = [.. state.PreviousEpochParticipation];
        }

        var canonical = new Dictionary<ulong, StoredBlock>();
        for (StoredBlock? block = head; block?.Block is not null && block.Slot.Value >= start; block = node.FindBlock(block.Block.Message.ParentRoot))
        {
            canonical[block.Slot.Value] = block;
        }

        var proposals = 0;
        var missed = 0;
        foreach (var (slot, group) in GroupDuties.ProposerDuties(state))
        {
            if (slot.Value == 0)
            {
                continue;
            }

            if (canonical.TryGetValue(slot.Value, out var block))
            {
                proposals++;
                _duties.Add((slot.Value, group, block.Root));
                continue;
            }

            missed++;
            _duties.Add((slot.Value, group, null));
            _missed.Add((slot, group));
        }

        ObserveInclusionLists(state, start, last);
        _epochs.Add((epoch, node.Finalized.Epoch.Value, node.Justified.Epoch.Value, proposals, missed));
        _states.PruneBefore(ChainTime.StartSlot(preset, node.Finalized.Epoch));
    }

    /// <summary>Why a slot has no canonical block, from everything seen by the end of the run (a late block may arrive after its epoch).</summary>
    /// <summary>Each slot's committee groups: complete before the freeze (some node took the list in time), late, or missed with the reason.</summary>
    private void ObserveInclusionLists(BeaconState state, ulong start, ulong last)
    {
        if (state.Preset.InclusionListCommitteeSize == 0)
        {
            return;
        }

        for (var slot = start; slot <= last; slot++)
        {
            var groups = InclusionListCommittee.Members(InclusionListCommittee.Get(state, new Slot(slot)));
            int inTime = 0, late = 0, missed = 0;
            foreach (var group in groups)
            {
                var (early, after) = _recorder.InclusionListsImported.GetValueOrDefault((slot, group.Value));
                if (early > 0)
                {
                    inTime++;
                    continue;
                }

                if (after > 0)
                {
                    late++;
                    _ilMissed.Add(new MissedInclusionList(slot, group.Value, "completed after the freeze deadline"));
                    continue;
                }

                missed++;
                _ilMissed.Add(new MissedInclusionList(slot, group.Value, InclusionListMissReason(slot, group)));
            }

            _ilSlots.Add(new InclusionListSlot(slot, groups.Length, inTime, late, missed));
        }
    }

    private string InclusionListMissReason(ulong slot, GroupIndex group)
    {
        var template = _spec.TemplateOf((int)group.Value);
        var up = _members.Count(m => m.Id.Group == group && m.UpAt(slot));
        if (up < template.M)
        {
            return $"{up} of {template.N} members up, {template.M} needed";
        }

        var suffix = _partitions.LastOrDefault(p => p.Slot <= slot).Active ? " (network partitioned)" : "";
        if (_recorder.InclusionListsMissed.TryGetValue((slot, group.Value), out var reason))
        {
            return reason + suffix;
        }

        return (_recorder.InclusionListsProposed.Contains((slot, group.Value)) ? "proposal did not reach m signatures" : "no member proposed before the freeze deadline") + suffix;
    }

    private InclusionListFigures InclusionLists(List<TopicFigures> traffic)
    {
        var ilTraffic = traffic.Where(t => t.Topic.StartsWith("inclusion_list", StringComparison.Ordinal)).ToList();
        var canonical = _duties.Where(d => d.Root is not null).Select(d => d.Root!.Value).ToHashSet();
        var slots = (ulong)_options.Epochs * _genesis.Preset.SlotsPerEpoch;
        var failed = _recorder.FailedInclusionChecks
            .Where(f => f.Value.Slot < slots)
            .OrderBy(f => f.Value.Slot)
            .Select(f =>
            {
                var votesFor = _recorder.VotesByHead.GetValueOrDefault((f.Value.Slot, f.Key));
                var votesAll = _recorder.VotesByHead.Where(v => v.Key.Slot == f.Value.Slot).Sum(v => v.Value);
                var group = _recorder.Proposals.TryGetValue(f.Key, out var proposal) ? proposal.By.Group.Value : ulong.MaxValue;
                return new InclusionCheckFailure(f.Value.Slot, group, f.Key.ToString()[..18], f.Value.Nodes, f.Value.Missing, votesFor, votesAll - votesFor, CanonicalAtEnd(f.Key, f.Value.Slot) ?? canonical.Contains(f.Key));
            })
            .ToList();
        return new InclusionListFigures(
            (int)_genesis.Preset.InclusionListCommitteeSize,
            _ilSlots.Sum(s => s.Groups),
            _ilSlots.Sum(s => s.CompleteInTime),
            _ilSlots.Sum(s => s.CompleteLate),
            _ilSlots.Sum(s => s.Missed),
            Math.Round(ilTraffic.Sum(t => t.PublishedPerSlot), 1),
            Math.Round(ilTraffic.Sum(t => t.DeliveredBytesPerSlot)),
            _ilSlots,
            _ilMissed,
            failed);
    }

    /// <summary>Whether the reference node's final chain holds the block at <paramref name="slot"/>; null when that part is pruned.</summary>
    private bool? CanonicalAtEnd(Root root, ulong slot)
    {
        var reference = _hosts.FirstOrDefault(h => h.Running && h.Profile.Kind == ProfileKind.Honest)?.Node;
        for (var block = reference?.HeadBlock; block is not null; block = block.Block is { } signed ? reference!.FindBlock(signed.Message.ParentRoot) : null)
        {
            if (block.Slot.Value <= slot)
            {
                return block.Root == root;
            }
        }

        return null;
    }

    private string MissReason(Slot slot, GroupIndex group)
    {
        var members = _members.Where(m => m.Id.Group == group).ToList();
        var template = _spec.TemplateOf((int)group.Value);
        var up = members.Count(m => m.UpAt(slot.Value));
        if (up < template.M)
        {
            return $"{up} of {template.N} members up, {template.M} needed";
        }

        var partitioned = _partitions.LastOrDefault(p => p.Slot <= slot.Value).Active;
        var suffix = partitioned ? " (network partitioned)" : "";
        if (!_recorder.ProposalsMade.Contains((slot, group)))
        {
            return "no member proposed (leader and fallback ranks did not act)" + suffix;
        }

        var assembled = _recorder.Assembled.Keys.Where(root => _recorder.Proposals.TryGetValue(root, out var p) && p.Slot == slot && p.By.Group == group).ToList();
        if (assembled.Any(_recorder.FailedInclusionChecks.ContainsKey))
        {
            return "block failed the inclusion-list check (left out listed transactions) and lost the head" + suffix;
        }

        var proposals = _recorder.Proposals.Values.Count(p => p.Slot == slot && p.By.Group == group);
        return assembled.Count > 0 ? Orphaned(slot, assembled, partitioned) + suffix
            : proposals > 1 ? $"split: {proposals} proposals, none reached m signatures" + suffix
            : "proposal did not reach m signatures" + suffix;
    }

    /// <summary>Why an assembled block is not canonical: when it reached the nodes outside its group tells a late block from a reorged one.</summary>
    private string Orphaned(Slot slot, List<Root> assembled, bool partitioned)
    {
        if (assembled.Select(HonestRefusals).FirstOrDefault(r => r.Count > 0) is { } refusals)
        {
            return $"block assembled but invalid: honest nodes refused it ({refusals[0].Reason})";
        }

        var reached = assembled.Select(root => SeenByMost(_recorder.ImportedOutside, root)).Where(t => t is not null).Select(t => t!.Value - (_slotDuration * slot.Value)).ToList();
        if (reached.Count == 0)
        {
            return "block assembled but no node outside the group imported it";
        }

        var at = reached.Min();
        var late = partitioned ? "" : "late, ";
        return at >= _slotDuration ? $"block assembled but orphaned: {late}it reached 95% of the other nodes {at.TotalMilliseconds:0} ms into its slot, after the next proposal"
            : at > _slotDuration / 3 ? $"block assembled but reorged: {late}it reached 95% of the other nodes {at.TotalMilliseconds:0} ms into its slot, after the attestation deadline"
            : "block assembled but reorged";
    }

    /// <summary>When 95% of the nodes that imported a block had it.</summary>
    private static TimeSpan? SeenByMost(Dictionary<Root, List<TimeSpan>> imports, Root root)
    {
        if (!imports.TryGetValue(root, out var imported))
        {
            return null;
        }

        var ordered = imported.Order().ToList();
        return ordered[(int)Math.Ceiling(ordered.Count * 0.95) - 1];
    }

    private SimulationReport BuildReport()
    {
        var groupCount = _genesis.Groups.Count;
        var byGroup = new List<GroupParticipation>();
        for (var g = 0; g < groupCount; g++)
        {
            var template = _spec.TemplateOf(g);
            int source = 0, target = 0, head = 0;
            foreach (var flags in _flags.Values)
            {
                source += ParticipationFlags.Has(flags[g], ParticipationFlags.TimelySource) ? 1 : 0;
                target += ParticipationFlags.Has(flags[g], ParticipationFlags.TimelyTarget) ? 1 : 0;
                head += ParticipationFlags.Has(flags[g], ParticipationFlags.TimelyHead) ? 1 : 0;
            }

            var duties = _duties.Where(d => d.Group.Value == (ulong)g).ToList();
            byGroup.Add(new GroupParticipation($"g{g}", template.N, template.M, _flags.Count, source, target, head, duties.Count, duties.Count(d => d.Root is not null)));
        }

        var byTemplate = new List<GroupParticipation>();
        var first = 0;
        foreach (var template in _spec.Groups)
        {
            var rows = byGroup.Skip(first).Take(template.Count).ToList();
            first += template.Count;
            byTemplate.Add(Sum($"{template.M}-of-{template.N} x{template.Count}", template.N, template.M, rows));
        }

        var slots = (ulong)_options.Epochs * _genesis.Preset.SlotsPerEpoch;
        var traffic = Traffic(slots);
        return new SimulationReport
        {
            Name = _spec.Name,
            Seed = _options.Seed,
            Scheme = Scheme.Name,
            Accounting = _spec.Accounting == AccountingPolicy.Component ? "component" : "whole",
            ProposalPolicy = _spec.ProposalPolicy == ProposalPolicy.Race ? "race" : "leader-follow",
            Groups = groupCount,
            Identities = _members.Count,
            Epochs = _options.Epochs,
            FinalizedEpoch = _epochs.Count == 0 ? 0 : _epochs[^1].Finalized,
            JustifiedEpoch = _epochs.Count == 0 ? 0 : _epochs[^1].Justified,
            EpochFigures = [.. _epochs.Select(e => new EpochFigures(e.Epoch, e.Finalized, e.Justified, e.Proposals, e.Missed,
                Rate(e.Epoch, ParticipationFlags.TimelySource), Rate(e.Epoch, ParticipationFlags.TimelyTarget), Rate(e.Epoch, ParticipationFlags.TimelyHead)))],
            Participation = Sum("all groups", 0, 0, byGroup),
            ByTemplate = byTemplate,
            ByGroup = byGroup,
            Proposals = ProposalFigures(),
            MissedProposals = [.. _missed.Select(m => new MissedProposal(m.Slot.Value, m.Group.Value, MissReason(m.Slot, m.Group)))],
            InvalidBlocks = InvalidBlocks(),
            SplitVotes = [.. _recorder.Splits.Values],
            GroupSlashings = [.. _recorder.Slashings.Values],
            MemberEquivocations = [.. _recorder.Equivocations.Values],
            KeyRotations = [.. _recorder.KeyRotations.Values],
            Refusals = Refusals(),
            Stake = Stake(),
            StakeByMemberKey = StakeByMemberKey(),
            Traffic = traffic,
            InclusionLists = InclusionLists(traffic),
            Notes = [.. _notes, $"{_recorder.Attestations} member attestations signed, {_blockRequests} blocks fetched by root, {_states.Transitions} state transitions run for the whole process"],
        };
    }

    /// <summary>Stake per operator (a group without one is its own): the concentration once groups are formed.</summary>
    private StakeFigures Stake() =>
        Concentration(Enumerable.Range(0, _genesis.Groups.Count).Select(g => (_spec.TemplateOf(g).Operator ?? $"g{g}", (double)_genesis.Balances[g])));

    /// <summary>Stake per member key, each holding an equal share of its group's balance: the concentration before groups are formed.</summary>
    private StakeFigures StakeByMemberKey() =>
        Concentration(Enumerable.Range(0, _genesis.Groups.Count).SelectMany(g =>
        {
            var n = _spec.TemplateOf(g).N;
            return Enumerable.Range(0, n).Select(m => ($"g{g}/m{m}", (double)_genesis.Balances[g] / n));
        }));

    /// <summary>Herfindahl index and Nakamoto coefficient (fewest holders with more than 1/3) of the stake held.</summary>
    private static StakeFigures Concentration(IEnumerable<(string Holder, double Stake)> holdings)
    {
        var stake = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (holder, amount) in holdings)
        {
            stake[holder] = stake.GetValueOrDefault(holder) + amount;
        }

        var total = stake.Values.Sum();
        var shares = stake.Values.Select(v => v / total).OrderDescending().ToList();
        var nakamoto = 0;
        for (double held = 0; held <= 1.0 / 3 && nakamoto < shares.Count; nakamoto++)
        {
            held += shares[nakamoto];
        }

        return new StakeFigures(stake.Count, SignificantDigits(shares.Sum(s => s * s), 4), nakamoto);
    }

    // Four decimals would print 0 for 242,000 equal keys; four significant digits keep the figure readable.
    private static double SignificantDigits(double value, int digits) =>
        value <= 0 ? 0 : Math.Round(value, Math.Clamp(digits - 1 - (int)Math.Floor(Math.Log10(value)), 0, 15));

    /// <summary>Traffic per topic, each family of subnets summed into one row.</summary>
    private List<TopicFigures> Traffic(ulong slots) =>
        [.. _network.Traffic
            .GroupBy(t => _topics.IsMemberAttestation(t.Key) ? "member_attestation (subnets)"
                : _topics.IsInclusionListProposal(t.Key) ? "inclusion_list_proposal (subnets)"
                : _topics.IsInclusionListFollow(t.Key) ? "inclusion_list_follow (subnets)"
                : GossipTopics.ShortName(t.Key))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var published = g.Sum(t => t.Value.Published);
                var delivered = g.Sum(t => t.Value.DeliveredBytes);
                return new TopicFigures(g.Key, published, g.Sum(t => t.Value.PublishedBytes), g.Sum(t => t.Value.Delivered), delivered,
                    g.Sum(t => t.Value.Dropped), (double)published / slots, (double)delivered / slots);
            })];

    private double? Rate(ulong epoch, int flag) =>
        _flags.TryGetValue(epoch, out var flags) ? (double)flags.Count(f => ParticipationFlags.Has(f, flag)) / flags.Length : null;

    private static GroupParticipation Sum(string label, int n, int m, IReadOnlyList<GroupParticipation> rows) =>
        new(label, n, m, rows.Sum(r => r.GroupEpochs), rows.Sum(r => r.Source), rows.Sum(r => r.Target), rows.Sum(r => r.Head),
            rows.Sum(r => r.ProposalDuties), rows.Sum(r => r.Proposed));

    private ProposalFigures ProposalFigures()
    {
        var canonical = _duties.Where(d => d.Root is not null).Select(d => (d.Slot, Root: d.Root!.Value)).ToList();
        var reveals = _duties.Where(d => d.Root is not null)
            .Select(d => (double)_members.Count(m => m.Id.Group == d.Group && m.UpAt(d.Slot)))
            .ToList();
        var fallback = canonical.Count(c => _recorder.Proposals.TryGetValue(c.Root, out var p) && p.Rank > 0);
        var threshold = new List<double>();
        var assembled = new List<double>();
        var seen = new List<double>();
        var seenByMost = new List<double>();
        var late = 0;
        foreach (var (slot, root) in canonical)
        {
            var slotStart = _slotDuration * slot;
            if (_recorder.Proposals.TryGetValue(root, out var proposal) && _recorder.Assembled.TryGetValue(root, out var done))
            {
                threshold.Add((done.ThresholdAt - proposal.At).TotalMilliseconds);
                assembled.Add((done.At - slotStart).TotalMilliseconds);
            }

            if (_recorder.Imported.TryGetValue(root, out var imported))
            {
                seen.Add((imported.Max() - slotStart).TotalMilliseconds);
                var most = SeenByMost(_recorder.Imported, root)!.Value - slotStart;
                seenByMost.Add(most.TotalMilliseconds);
                late += most > _slotDuration / 3 ? 1 : 0;
            }
        }

        return new ProposalFigures(_duties.Count, canonical.Count, fallback, Mean(threshold), Mean(assembled), Mean(seenByMost), Mean(seen),
            seen.Count == 0 ? 0 : Math.Round(seen.Max(), 1), reveals.Count == 0 ? 0 : Math.Round(reveals.Average(), 2), late);
    }

    /// <summary>Blocks that reached m signatures (some member assembled them) and that honest nodes refused on import.</summary>
    private List<InvalidBlockRecord> InvalidBlocks()
    {
        var invalid = new List<InvalidBlockRecord>();
        foreach (var root in _recorder.Assembled.Keys)
        {
            if (!_recorder.Proposals.TryGetValue(root, out var proposal))
            {
                continue;
            }

            var honest = HonestRefusals(root);
            if (honest.Count == 0)
            {
                continue;
            }

            var group = proposal.By.Group;
            var bugs = _members.Where(m => m.Id.Group == group && m.Profile.IsBug).Select(m => m.Profile).ToList();
            var profiles = string.Join(", ", bugs.Select(p => ProfileNames.Of(p.Kind)).Distinct());
            invalid.Add(new InvalidBlockRecord(proposal.Slot.Value, group.Value, bugs.Count, profiles.Length == 0 ? "none" : profiles, honest[0].Reason, honest.Select(r => r.Node).Distinct().Count()));
        }

        return [.. invalid.OrderBy(i => i.Slot).ThenBy(i => i.Group)];
    }

    /// <summary>Refusals of a complete block by nodes that run the protocol (honest or late profiles).</summary>
    private List<(Node.Events.MemberId Node, string Reason)> HonestRefusals(Root root) =>
        _recorder.RejectedBlocks.TryGetValue(root, out var refusals)
            ? [.. refusals.Where(r => ProfileOf(r.Node).Kind is ProfileKind.Honest or ProfileKind.Late)]
            : [];

    private MemberProfile ProfileOf(Node.Events.MemberId id) => _members.First(m => m.Id == id).Profile;

    private SortedDictionary<string, int> Refusals()
    {
        var refusals = new SortedDictionary<string, int>(_recorder.Refusals, StringComparer.Ordinal);
        foreach (var (key, count) in _rejected)
        {
            refusals[key] = count;
        }

        return refusals;
    }

    private static double Mean(List<double> values) => values.Count == 0 ? 0 : Math.Round(values.Average(), 1);
}
