using NativeDvt.Dashboard.Api;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Live;

/// <summary>Builds the pages' <see cref="DevnetView"/> from one round of readings. Pure.</summary>
public static class DevnetViewBuilder
{
    private static readonly HashSet<string> Duties = new(StringComparer.Ordinal)
    {
        SlotObservationKinds.Attested, SlotObservationKinds.Proposed, SlotObservationKinds.FollowSigned, SlotObservationKinds.Assembled,
    };

    /// <summary>The view of <paramref name="readings"/>.</summary>
    public static DevnetView Build(DevnetReadings readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var clock = readings.Clock;
        var wallSlot = clock.SlotAt(readings.Now);
        var running = readings.Statuses.Where(s => s.Running).ToList();
        // The Beacon API's "head" of the devnet: the node with the newest head, the way a client follows the best peer.
        var best = running.OrderByDescending(s => s.HeadSlot).ThenByDescending(s => s.Finalized.Epoch).FirstOrDefault();
        var slots = SlotViews.Build(readings.Observations, wallSlot > 64 ? wallSlot - 63 : 0, wallSlot, running.Count, clock.SlotDuration.TotalSeconds);
        var events = readings.Events;
        var allSlots = readings.PastSlots.Where(s => s.Slot < (slots.Length > 0 ? slots[0].Slot : ulong.MaxValue)).Concat(slots).ToList();
        return new DevnetView(
            readings.Now,
            readings.Genesis.DevnetName,
            readings.Genesis.Scheme,
            clock.SlotDuration.TotalSeconds,
            clock.SlotsPerEpoch,
            wallSlot,
            best?.HeadSlot ?? 0,
            best?.Justified.Epoch ?? 0,
            best?.Finalized.Epoch ?? 0,
            running.Count,
            [.. readings.Statuses.Select(s => Identity(s, readings))],
            StakeViews.Participation(readings.Groups, readings.Epochs),
            slots,
            [.. readings.Groups.Select(g => Group(g, slots, readings.Epochs.GetValueOrDefault(g.Index) ?? []))],
            [.. events.Select((e, i) => EventEntry.Of(i, e)).Skip(Math.Max(0, events.Count - DevnetMonitor.EventsShown))],
            FaultLedger.Build(events, readings.Groups, readings.Epochs, allSlots, clock, wallSlot),
            readings.Traffic,
            StakeViews.Concentration(readings.Groups),
            readings.TrafficTotals,
            [.. events.Select((e, i) => (e, i)).Where(x => x.e.Kind == DevnetEventKinds.GroupSlashing)
                .Select(x => readings.Evidence.TryGetValue(x.i, out var read)
                    ? new SlashingView(EventEntry.Of(x.i, x.e), read, read.Length == 0)
                    : new SlashingView(EventEntry.Of(x.i, x.e), [], false))]);
    }

    private static IdentityView Identity(IdentityStatus status, DevnetReadings readings)
    {
        var activity = readings.Activities.FirstOrDefault(a => a.Identity == status.Identity);
        var (group, member) = IdentityKeys.Parse(status.Identity);
        var who = $"g{group}/m{member}";
        var duties = readings.Observations.Where(o => o.Who == who && Duties.Contains(o.Kind)).OrderByDescending(o => o.Slot).Take(8).ToArray();
        return new IdentityView(
            status,
            activity?.Peers ?? 0,
            activity?.Profile ?? "",
            activity?.BlockDelayMilliseconds ?? 0,
            duties,
            duties.Length > 0 ? duties[0].Slot : null,
            activity?.Topics ?? []);
    }

    private static GroupView Group(GroupSummary group, SlotView[] slots, GroupEpochSummary[] epochs) => new(
        group,
        [.. slots.Where(s => s.SplitVotes.Contains(group.Index)).Select(s => s.Slot)],
        epochs.Sum(e => e.RewardGwei),
        epochs.Sum(e => e.MaxRewardGwei),
        epochs);
}
