using System.Diagnostics.Metrics;
using NativeDvt.Dashboard.Live;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Metrics;

/// <summary>
/// The devnet's metrics under the Ethereum clients' names (<c>beacon_head_slot</c>, <c>beacon_finalized_epoch</c>,
/// <c>beacon_current_justified_epoch</c>, <c>beacon_participation_*</c>, <c>libp2p_peers</c>) and its own
/// (<c>ndvt_*</c>), from the monitor's views. Exported as Prometheus text at <c>/metrics</c> and over OTLP to the
/// Aspire dashboard. Counters count each settled epoch, final slot, split vote and log entry once.
/// </summary>
public sealed class DevnetMeter : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string Name = "NativeDvt.Devnet";

    private readonly Meter _meter;
    private readonly LiveFeed _feed;
    private readonly Counter<long> _acted;
    private readonly Counter<long> _missed;
    private readonly Counter<long> _splitVotes;
    private readonly Counter<long> _equivocations;
    private readonly Counter<long> _slashings;
    private readonly Counter<long> _faults;
    private readonly Counter<long> _slots;
    private readonly HashSet<(ulong Group, ulong Epoch)> _settled = [];
    private readonly HashSet<(ulong Slot, ulong Group)> _splits = [];
    private ulong _slotsCounted;
    private int _nextEvent;

    public DevnetMeter(IMeterFactory meters, LiveFeed feed)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _feed = feed;
        _meter = meters.Create(Name);
        _meter.CreateObservableGauge("beacon_head_slot", () => (long)(feed.Latest?.HeadSlot ?? 0), description: "The newest head slot among running nodes");
        _meter.CreateObservableGauge("beacon_finalized_epoch", () => (long)(feed.Latest?.FinalizedEpoch ?? 0), description: "That head's finalized epoch");
        _meter.CreateObservableGauge("beacon_current_justified_epoch", () => (long)(feed.Latest?.JustifiedEpoch ?? 0), description: "That head's current justified epoch");
        _meter.CreateObservableGauge("beacon_participation_source", () => Participation(p => p.Source), description: "Stake share with timely source, newest settled epoch");
        _meter.CreateObservableGauge("beacon_participation_target", () => Participation(p => p.Target), description: "Stake share with timely target, newest settled epoch");
        _meter.CreateObservableGauge("beacon_participation_head", () => Participation(p => p.Head), description: "Stake share with timely head, newest settled epoch");
        _meter.CreateObservableGauge("ndvt_wall_slot", () => (long)(feed.Latest?.WallSlot ?? 0), description: "The slot the wall clock is in");
        _meter.CreateObservableGauge("ndvt_identities_running", () => feed.Latest?.Running ?? 0, description: "Identities whose nodes run");
        _meter.CreateObservableGauge("libp2p_peers", PeersByIdentity, description: "Connected libp2p peers of each identity's node");
        _meter.CreateObservableGauge("ndvt_gossip_bytes_per_slot", GossipBytes, description: "SSZ bytes published per slot on each topic, summed over identities");
        _meter.CreateObservableGauge("ndvt_stake_herfindahl", () => feed.Latest?.Stake.Herfindahl ?? 0, description: "Herfindahl index of the groups' stake shares");
        _meter.CreateObservableGauge("ndvt_stake_nakamoto", () => feed.Latest?.Stake.Nakamoto ?? 0, description: "Fewest identities controlling a third of the stake");
        _acted = _meter.CreateCounter<long>("ndvt_group_acted", description: "Settled group epochs that earned a duty's flag, by duty");
        _missed = _meter.CreateCounter<long>("ndvt_group_missed", description: "Settled group epochs that did not earn a duty's flag, by duty");
        _splitVotes = _meter.CreateCounter<long>("ndvt_split_votes", description: "Slot-and-group pairs whose members' votes split");
        _equivocations = _meter.CreateCounter<long>("ndvt_member_equivocations", description: "Members seen signing two conflicting messages");
        _slashings = _meter.CreateCounter<long>("ndvt_group_slashings", description: "Group slashings included on chain");
        _faults = _meter.CreateCounter<long>("ndvt_faults", description: "Faults injected through the fault controls, by kind");
        _slots = _meter.CreateCounter<long>("ndvt_slots", description: "Slots past, by outcome: block, late, missed");
        _meter.CreateObservableCounter("gossipsub_messages_published", GossipPublished, description: "Messages the identities published, by topic");
        feed.Published += OnView;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _feed.Published -= OnView;
        _meter.Dispose();
    }

    private void OnView(DevnetView view)
    {
        foreach (var group in view.Groups)
        {
            foreach (var epoch in group.Summary.Chain?.Epochs ?? [])
            {
                if (_settled.Add((group.Summary.Index, epoch.Epoch)))
                {
                    Count(epoch.Source, "source");
                    Count(epoch.Target, "target");
                    Count(epoch.Head, "head");
                }
            }
        }

        foreach (var slot in view.Slots)
        {
            foreach (var group in slot.SplitVotes)
            {
                if (_splits.Add((slot.Slot, group)))
                {
                    _splitVotes.Add(1);
                }
            }

            // A slot's outcome is final once it is no longer pending; each is counted once, in order.
            if (slot.Outcome != SlotOutcomes.Pending && slot.Slot > _slotsCounted)
            {
                _slots.Add(1, new KeyValuePair<string, object?>("outcome", slot.Outcome));
                _slotsCounted = slot.Slot;
            }
        }

        foreach (var entry in view.Events.Where(e => e.Index >= _nextEvent))
        {
            switch (entry.Kind)
            {
                case DevnetEventKinds.MemberEquivocation:
                    _equivocations.Add(1);
                    break;
                case DevnetEventKinds.GroupSlashing:
                    _slashings.Add(1);
                    break;
                case var kind when DevnetEventKinds.IsFault(kind):
                    _faults.Add(1, new KeyValuePair<string, object?>("kind", kind["fault-".Length..]));
                    break;
            }

            _nextEvent = entry.Index + 1;
        }

        void Count(bool earned, string duty) =>
            (earned ? _acted : _missed).Add(1, new KeyValuePair<string, object?>("duty", duty));
    }

    private double Participation(Func<EpochParticipation, double> flag) =>
        _feed.Latest?.Participation is { Length: > 0 } participation ? flag(participation[^1]) : 0;

    private IEnumerable<Measurement<int>> PeersByIdentity() =>
        (_feed.Latest?.Identities ?? []).Where(i => i.Status.Running).Select(i => new Measurement<int>(i.Peers, new KeyValuePair<string, object?>("identity", i.Status.Identity)));

    private IEnumerable<Measurement<long>> GossipPublished() =>
        (_feed.Latest?.GossipTotals ?? []).Select(t => new Measurement<long>(t.Published, new KeyValuePair<string, object?>("topic", t.Topic)));

    private IEnumerable<Measurement<double>> GossipBytes() =>
        (_feed.Latest?.Network ?? []).Select(t => new Measurement<double>(t.BytesPerSlot, new KeyValuePair<string, object?>("topic", t.Topic)));
}
