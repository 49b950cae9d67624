using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Node.Events;

/// <summary>
/// Turns node events into <see cref="System.Diagnostics.Metrics"/> instruments (meter <see cref="MeterName"/>), so
/// any host exports protocol.md section 8's figures through OpenTelemetry or dotnet-counters. Every measurement is
/// tagged with the identity (<c>group</c>, <c>member</c>) that saw it; times are milliseconds from the slot's start,
/// because that is what block-production latency is measured against.
/// </summary>
/// <remarks>Thread-safe: a host may run many nodes on many threads into one instance.</remarks>
public sealed class NodeMetrics : INodeEventSink, IDisposable
{
    /// <summary>The meter's name, for exporters' allow-lists.</summary>
    public const string MeterName = "NativeDvt.Node";

    private readonly TimeSpan _slotDuration;
    private readonly Meter _meter;
    private readonly ConcurrentDictionary<MemberId, ulong> _finalizedEpochs = new();
    private readonly ConcurrentDictionary<MemberId, ulong> _slots = new();
    private readonly Counter<long> _blocksProposed;
    private readonly Counter<long> _followSignatures;
    private readonly Counter<long> _blocksAssembled;
    private readonly Histogram<double> _thresholdTime;
    private readonly Histogram<double> _assembledTime;
    private readonly Counter<long> _blocksImported;
    private readonly Histogram<double> _importTime;
    private readonly Counter<long> _blocksRejected;
    private readonly Counter<long> _attestations;
    private readonly Counter<long> _splitVotes;
    private readonly Counter<long> _signingRefused;
    private readonly Counter<long> _signingHalted;
    private readonly Counter<long> _keyRotationsStarted;
    private readonly Counter<long> _memberEquivocations;
    private readonly Counter<long> _groupSlashingsBuilt;
    private readonly Counter<long> _groupSlashingsIncluded;
    private readonly Counter<long> _keyRotationsIncluded;
    private readonly Counter<long> _inclusionListsProposed;
    private readonly Counter<long> _inclusionListFollows;
    private readonly Counter<long> _inclusionListsAssembled;
    private readonly Counter<long> _inclusionListsImported;
    private readonly Counter<long> _inclusionListsMissed;
    private readonly Counter<long> _blocksFailedInclusionCheck;

    /// <summary>Metrics for nodes with slots of <paramref name="slotDuration"/>; the meter comes from <paramref name="meterFactory"/> when a host has one.</summary>
    public NodeMetrics(TimeSpan slotDuration, IMeterFactory? meterFactory = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slotDuration, TimeSpan.Zero);
        _slotDuration = slotDuration;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _blocksProposed = _meter.CreateCounter<long>("ndvt.node.blocks_proposed", "{block}", "Proposals made by this identity as leader or fallback rank (tag rank).");
        _followSignatures = _meter.CreateCounter<long>("ndvt.node.follow_signatures", "{signature}", "Proposals this identity co-signed.");
        _blocksAssembled = _meter.CreateCounter<long>("ndvt.node.blocks_assembled", "{block}", "Complete blocks this identity assembled from >= m signatures.");
        _thresholdTime = _meter.CreateHistogram<double>("ndvt.node.block_threshold_time", "ms", "Slot start to the m-th member signature of an assembled block.");
        _assembledTime = _meter.CreateHistogram<double>("ndvt.node.block_assembled_time", "ms", "Slot start to the complete block leaving the assembler.");
        _blocksImported = _meter.CreateCounter<long>("ndvt.node.blocks_imported", "{block}", "Complete blocks imported into this identity's view.");
        _importTime = _meter.CreateHistogram<double>("ndvt.node.block_import_time", "ms", "Slot start to the block's import by this identity (for blocks of the current slot).");
        _blocksRejected = _meter.CreateCounter<long>("ndvt.node.blocks_rejected", "{block}", "Blocks or proposals refused (tag reason).");
        _attestations = _meter.CreateCounter<long>("ndvt.node.attestations", "{attestation}", "Member attestations signed and gossiped.");
        _splitVotes = _meter.CreateCounter<long>("ndvt.node.split_votes", "{vote}", "Slots where the group's members signed different data and none reached m, as an aggregator saw them.");
        _signingRefused = _meter.CreateCounter<long>("ndvt.node.signing_refused", "{signature}", "Signatures slashing protection refused (tag what).");
        _keyRotationsStarted = _meter.CreateCounter<long>("ndvt.node.key_rotations_started", "{rotation}", "Key rotations identities started on their own as their stateful keys ran low.");
        _signingHalted = _meter.CreateCounter<long>("ndvt.node.signing_halted", "{halt}", "Nodes that stopped signing because their signing records could not be made durable.");
        _memberEquivocations = _meter.CreateCounter<long>("ndvt.node.member_equivocations", "{event}", "Members seen signing two conflicting messages (tags equivocator_group, equivocator_member, kind).");
        _groupSlashingsBuilt = _meter.CreateCounter<long>("ndvt.node.group_slashings_built", "{slashing}", "Group slashings this identity built from >= m signatures on each side (tags slashed_group, kind).");
        _groupSlashingsIncluded = _meter.CreateCounter<long>("ndvt.node.group_slashings_included", "{slashing}", "Group slashings seen included in imported blocks (tag slashed_group).");
        _keyRotationsIncluded = _meter.CreateCounter<long>("ndvt.node.key_rotations_included", "{rotation}", "Key rotations seen included in imported blocks (tags rotated_group, rotated_member, effective_epoch).");
        _inclusionListsProposed = _meter.CreateCounter<long>("ndvt.node.inclusion_lists_proposed", "{list}", "Inclusion lists proposed by this identity as leader or fallback rank (tag rank).");
        _inclusionListFollows = _meter.CreateCounter<long>("ndvt.node.inclusion_list_follows", "{signature}", "Inclusion lists this identity co-signed.");
        _inclusionListsAssembled = _meter.CreateCounter<long>("ndvt.node.inclusion_lists_assembled", "{list}", "Complete inclusion lists this identity assembled from >= m signatures.");
        _inclusionListsImported = _meter.CreateCounter<long>("ndvt.node.inclusion_lists_imported", "{list}", "Complete inclusion lists this identity took (tag in_time: before the freeze deadline).");
        _inclusionListsMissed = _meter.CreateCounter<long>("ndvt.node.inclusion_lists_missed", "{list}", "Slots where this identity's group had no complete inclusion list at the freeze deadline (tag reason).");
        _blocksFailedInclusionCheck = _meter.CreateCounter<long>("ndvt.node.blocks_failed_inclusion_check", "{block}", "Blocks omitting transactions of inclusion lists this identity saw in time.");
        _meter.CreateObservableGauge("ndvt.node.finalized_epoch", ObserveFinalized, "{epoch}", "The finalized epoch of each identity's view.");
        _meter.CreateObservableGauge("ndvt.node.slot", ObserveSlots, "{slot}", "The slot each identity's duties last started (behind the wall clock when its loop lags).");
    }

    /// <inheritdoc/>
    public void Receive(NodeEvent nodeEvent)
    {
        switch (nodeEvent)
        {
            case BlockProposed e:
                _blocksProposed.Add(1, Tags(e.Node, Tag("rank", e.Rank)));
                break;
            case FollowSigned e:
                _followSignatures.Add(1, Tags(e.Node));
                break;
            case BlockAssembled e:
                RecordAssembled(e);
                break;
            case BlockImported e:
                RecordImported(e);
                break;
            case BlockRejected e:
                _blocksRejected.Add(1, Tags(e.Node, Tag("reason", e.Reason)));
                break;
            case Attested e:
                _attestations.Add(1, Tags(e.Node));
                break;
            case SplitVote e:
                _splitVotes.Add(1, Tags(e.Node, Tag("distinct_data", e.DistinctData)));
                break;
            case SigningRefused e:
                _signingRefused.Add(1, Tags(e.Node, Tag("what", e.What)));
                break;
            case KeyRotationStarted e:
                _keyRotationsStarted.Add(1, Tags(e.Node));
                break;
            case SigningHalted e:
                _signingHalted.Add(1, Tags(e.Node));
                break;
            case MemberEquivocation e:
                _memberEquivocations.Add(1, Tags(e.Node, Tag("equivocator_group", (long)e.Equivocator.Group.Value), Tag("equivocator_member", e.Equivocator.Member), Tag("kind", e.Kind)));
                break;
            case GroupSlashingBuilt e:
                _groupSlashingsBuilt.Add(1, Tags(e.Node, Tag("slashed_group", (long)e.Evidence.Group.Value), Tag("kind", e.Evidence.Kind)));
                break;
            case GroupSlashingIncluded e:
                _groupSlashingsIncluded.Add(1, Tags(e.Node, Tag("slashed_group", (long)e.Group.Value)));
                break;
            case KeyRotationIncluded e:
                _keyRotationsIncluded.Add(1, Tags(e.Node, Tag("rotated_group", (long)e.Member.Group.Value), Tag("rotated_member", e.Member.Member), Tag("effective_epoch", (long)e.Epoch.Value)));
                break;
            case SlotStarted e:
                _slots.AddOrUpdate(e.Node, e.Slot.Value, (_, old) => Math.Max(old, e.Slot.Value));
                break;
            case Finalized e:
                _finalizedEpochs.AddOrUpdate(e.Node, e.Epoch.Value, (_, old) => Math.Max(old, e.Epoch.Value));
                break;
            case InclusionListProposed e:
                _inclusionListsProposed.Add(1, Tags(e.Node, Tag("rank", e.Rank)));
                break;
            case InclusionListFollowSigned e:
                _inclusionListFollows.Add(1, Tags(e.Node));
                break;
            case InclusionListAssembled e:
                _inclusionListsAssembled.Add(1, Tags(e.Node, Tag("signers", e.Signers)));
                break;
            case InclusionListImported e:
                _inclusionListsImported.Add(1, Tags(e.Node, Tag("in_time", e.InTime)));
                break;
            case InclusionListMissed e:
                _inclusionListsMissed.Add(1, Tags(e.Node, Tag("reason", e.Reason)));
                break;
            case BlockFailedInclusionCheck e:
                _blocksFailedInclusionCheck.Add(1, Tags(e.Node));
                break;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();

    private void RecordAssembled(BlockAssembled assembled)
    {
        var tags = Tags(assembled.Node, Tag("signers", assembled.Signers));
        _blocksAssembled.Add(1, tags);
        _thresholdTime.Record(SinceSlotStart(assembled.Slot, assembled.ThresholdAt), tags);
        _assembledTime.Record(SinceSlotStart(assembled.Slot, assembled.At), tags);
    }

    private void RecordImported(BlockImported imported)
    {
        var tags = Tags(imported.Node);
        _blocksImported.Add(1, tags);

        // Blocks fetched long after their slot (catch-up, restarts) would swamp the latency figure.
        var sinceStart = SinceSlotStart(imported.Slot, imported.At);
        if (sinceStart >= 0 && sinceStart < _slotDuration.TotalMilliseconds)
        {
            _importTime.Record(sinceStart, tags);
        }
    }

    private IEnumerable<Measurement<long>> ObserveSlots() =>
        _slots.Select(pair => new Measurement<long>((long)pair.Value, Tags(pair.Key)));

    private IEnumerable<Measurement<long>> ObserveFinalized() =>
        _finalizedEpochs.Select(pair => new Measurement<long>((long)pair.Value, Tags(pair.Key)));

    private double SinceSlotStart(Slot slot, TimeSpan at) => (at - (_slotDuration * slot.Value)).TotalMilliseconds;

    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);

    private static KeyValuePair<string, object?>[] Tags(MemberId node, params ReadOnlySpan<KeyValuePair<string, object?>> more)
    {
        var tags = new KeyValuePair<string, object?>[2 + more.Length];
        tags[0] = Tag("group", (long)node.Group.Value);
        tags[1] = Tag("member", node.Member);
        more.CopyTo(tags.AsSpan(2));
        return tags;
    }
}
