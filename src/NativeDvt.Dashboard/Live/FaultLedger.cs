using NativeDvt.Dashboard.Api;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Live;

/// <summary>
/// Links each injected fault to what followed it, from the event log, the groups' settled epochs and the recent slots:
/// cause and effect in one table. Pure: the monitor hands it its readings.
/// </summary>
public static class FaultLedger
{
    /// <summary>Epochs past a fault's end in which its effects are still counted: an epoch's flags settle one epoch late.</summary>
    public const int SettlingEpochs = 2;

    /// <summary>The ledger of <paramref name="events"/> (the whole log, index = position), newest fault first.</summary>
    /// <param name="events">The whole event log.</param>
    /// <param name="groups">Every group now (for which ones exist).</param>
    /// <param name="epochs">Every settled epoch read, by group.</param>
    /// <param name="slots">Every slot view kept, oldest first.</param>
    /// <param name="clock">The devnet's clock.</param>
    /// <param name="wallSlot">The slot now.</param>
    public static LedgerEntry[] Build(
        IReadOnlyList<DevnetEvent> events,
        IReadOnlyList<GroupSummary> groups,
        IReadOnlyDictionary<ulong, GroupEpochSummary[]> epochs,
        IReadOnlyList<SlotView> slots,
        ChainClock clock,
        ulong wallSlot)
    {
        var entries = new List<LedgerEntry>();
        for (var i = 0; i < events.Count; i++)
        {
            if (IsOpening(events[i].Kind))
            {
                entries.Add(Entry(events, i, groups, epochs, slots, clock, wallSlot));
            }
        }

        entries.Reverse();
        return [.. entries];
    }

    /// <summary>Faults that last until something ends them; their ends are not entries of their own.</summary>
    private static bool IsOpening(string kind) =>
        kind is DevnetEventKinds.FaultStop or DevnetEventKinds.FaultPartition or DevnetEventKinds.FaultDelay or DevnetEventKinds.FaultProfile;

    private static bool Ends(DevnetEvent fault, DevnetEvent later) => (fault.Kind, later.Kind) switch
    {
        (DevnetEventKinds.FaultStop, DevnetEventKinds.FaultStart) => Overlap(fault, later),
        (DevnetEventKinds.FaultPartition, DevnetEventKinds.FaultHeal or DevnetEventKinds.FaultPartition) => true,
        (DevnetEventKinds.FaultDelay, DevnetEventKinds.FaultDelay or DevnetEventKinds.FaultDelayOff) => Overlap(fault, later),
        (DevnetEventKinds.FaultProfile, DevnetEventKinds.FaultProfile or DevnetEventKinds.FaultProfileReset) => Overlap(fault, later),
        _ => false,
    };

    private static bool Overlap(DevnetEvent a, DevnetEvent b) => (a.Subjects ?? []).Intersect(b.Subjects ?? [], StringComparer.Ordinal).Any();

    private static LedgerEntry Entry(
        IReadOnlyList<DevnetEvent> events, int index, IReadOnlyList<GroupSummary> groups, IReadOnlyDictionary<ulong, GroupEpochSummary[]> epochs, IReadOnlyList<SlotView> slots, ChainClock clock, ulong wallSlot)
    {
        var fault = events[index];
        var from = fault.Slot ?? 0;
        var endIndex = Enumerable.Range(index + 1, events.Count - index - 1).FirstOrDefault(j => Ends(fault, events[j]), -1);
        var end = endIndex >= 0 ? events[endIndex] : null;
        var to = end is null ? wallSlot : Math.Min(wallSlot, (end.Slot ?? from) + (SettlingEpochs * clock.SlotsPerEpoch));
        var touched = (fault.Subjects ?? []).Select(k => IdentityKeys.Parse(k).Group).ToHashSet();

        var misses = groups
            .Where(g => touched.Contains(g.Index))
            .SelectMany(g => (epochs.GetValueOrDefault(g.Index) ?? [])
                .Where(e => e.Epoch >= clock.EpochOf(from) && e.Epoch <= clock.EpochOf(to))
                .Select(e => Miss(g.Index, e)))
            .Where(m => m.Missed.Length > 0 || m.LostGwei > 0)
            .ToArray();

        var window = slots.Where(s => s.Slot >= from && s.Slot <= to).ToList();
        var harm = events
            .Select((e, i) => (e, i))
            .Where(x => x.e.Kind is DevnetEventKinds.GroupSlashing or DevnetEventKinds.MemberEquivocation && x.e.Slot >= from && x.e.Slot <= to)
            .Select(x => EventEntry.Of(x.i, x.e))
            .ToArray();
        // A slashed group never earns a flag again: it cannot recover, and must not hold up the others' recovery.
        var slashed = groups.Where(g => g.Chain is { Slashed: true }).Select(g => g.Index).ToHashSet();
        var (recovery, words) = Recover(events, endIndex, fault, epochs, [.. touched.Except(slashed)], clock);
        if (touched.Intersect(slashed).Any())
        {
            words += $" ({string.Join(", ", touched.Intersect(slashed).Order().Select(g => $"g{g}"))} slashed: left out)";
        }

        return new LedgerEntry(
            EventEntry.Of(index, fault),
            [.. touched.Order()],
            end is null ? null : EventEntry.Of(endIndex, end),
            from,
            to,
            misses,
            window.Count(s => s.Outcome == SlotOutcomes.Missed),
            window.Sum(s => s.SplitVotes.Count(touched.Contains)),
            harm,
            misses.Sum(m => m.LostGwei),
            groups.Where(g => touched.Contains(g.Index))
                .Sum(g => (epochs.GetValueOrDefault(g.Index) ?? []).Where(e => e.Epoch >= clock.EpochOf(from) && e.Epoch <= clock.EpochOf(to)).Sum(e => e.RewardGwei)),
            recovery,
            words);
    }

    private static EpochMiss Miss(ulong group, GroupEpochSummary epoch)
    {
        string[] missed = [.. new[] { ("source", epoch.Source), ("target", epoch.Target), ("head", epoch.Head) }.Where(f => !f.Item2).Select(f => f.Item1)];
        return new EpochMiss(group, epoch.Epoch, missed, Math.Max(0, epoch.MaxRewardGwei - epoch.RewardGwei));
    }

    /// <summary>
    /// A stop has recovered when every stopped identity signed again after its start (<c>identity-on-duty</c>); any other
    /// fault when every touched group earned all three flags in a settled epoch that began after the fault's end.
    /// </summary>
    private static (double? Seconds, string Words) Recover(
        IReadOnlyList<DevnetEvent> events, int endIndex, DevnetEvent fault, IReadOnlyDictionary<ulong, GroupEpochSummary[]> epochs, HashSet<ulong> touched, ChainClock clock)
    {
        if (endIndex < 0)
        {
            return (null, "still in effect");
        }

        var end = events[endIndex];
        if (fault.Kind == DevnetEventKinds.FaultStop)
        {
            var subjects = (fault.Subjects ?? []).Intersect(end.Subjects ?? [], StringComparer.Ordinal).Select(Who).ToHashSet(StringComparer.Ordinal);
            var onDuty = events.Skip(endIndex + 1).Where(e => e.Kind == DevnetEventKinds.IdentityOnDuty && subjects.Contains(e.Who)).ToList();
            var back = onDuty.Select(e => e.Who).Distinct(StringComparer.Ordinal).Count();
            return back < subjects.Count
                ? (null, $"{back} of {subjects.Count} stopped identities back on duty")
                : (Seconds(onDuty.Max(e => e.At) - end.At), "every stopped identity signs again");
        }

        var firstFull = clock.EpochOf(end.Slot ?? 0) + 1;
        var recovered = touched
            .Select(g => (epochs.GetValueOrDefault(g) ?? []).Where(e => e.Epoch >= firstFull && e.Source && e.Target && e.Head).Select(e => (ulong?)e.Epoch).FirstOrDefault())
            .ToList();
        if (recovered.Count == 0 || recovered.Any(e => e is null))
        {
            return (null, "not every touched group has earned all flags in a settled epoch since");
        }

        var epoch = recovered.Max()!.Value;
        return (Seconds(clock.EpochStart(epoch + 1) - end.At), $"every touched group earned all flags in epoch {epoch}");
    }

    private static string Who(string identityKey)
    {
        var (group, member) = IdentityKeys.Parse(identityKey);
        return $"g{group}/m{member}";
    }

    private static double Seconds(TimeSpan span) => Math.Max(0, Math.Round(span.TotalSeconds, 1));
}
