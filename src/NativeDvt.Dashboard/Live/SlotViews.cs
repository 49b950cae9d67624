using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Live;

/// <summary>
/// The recent slots from every identity's observations: whether a block came, how long leader, threshold and import
/// took, and, when none came, the likeliest reason the observations support.
/// </summary>
public static class SlotViews
{
    /// <summary>One view per slot from <paramref name="fromSlot"/> to <paramref name="wallSlot"/>, oldest first.</summary>
    /// <param name="observations">Every identity's observations (duplicates allowed).</param>
    /// <param name="fromSlot">The first slot shown.</param>
    /// <param name="wallSlot">The slot the wall clock is in: the last shown.</param>
    /// <param name="running">Nodes running now: a block "most" imported reached more than half of them.</param>
    /// <param name="secondsPerSlot">Slot length: a block imported after a third of it is late.</param>
    public static SlotView[] Build(IReadOnlyCollection<SlotObservation> observations, ulong fromSlot, ulong wallSlot, int running, double secondsPerSlot)
    {
        var bySlot = observations.Where(o => o.Slot >= fromSlot).ToLookup(o => o.Slot);
        var views = new List<SlotView>();
        for (var slot = Math.Max(fromSlot, 1); slot <= wallSlot; slot++)
        {
            views.Add(View(slot, [.. bySlot[slot]], wallSlot, running, secondsPerSlot));
        }

        return [.. views];
    }

    private static SlotView View(ulong slot, List<SlotObservation> seen, ulong wallSlot, int running, double secondsPerSlot)
    {
        var proposed = seen.Where(o => o.Kind == SlotObservationKinds.Proposed).ToList();
        var assembled = seen.Where(o => o.Kind == SlotObservationKinds.Assembled).ToList();
        var follows = seen.Where(o => o.Kind == SlotObservationKinds.FollowSigned).Select(o => o.Who).Distinct(StringComparer.Ordinal).Count();
        var imports = seen.Where(o => o.Kind == SlotObservationKinds.Imported).GroupBy(o => o.Who, StringComparer.Ordinal).Select(g => g.Min(o => o.Seconds)).Order().ToList();
        var rejected = seen.FirstOrDefault(o => o.Kind == SlotObservationKinds.Rejected);
        var splits = seen.Where(o => o.Kind == SlotObservationKinds.SplitVote && o.Group is not null).Select(o => o.Group!.Value).Distinct().Order().ToArray();
        // Nodes on different forks may name different proposers; the group most of them named is the one that was due.
        var due = seen.Where(o => o.Kind == SlotObservationKinds.Due && o.Group is not null)
            .GroupBy(o => o.Group!.Value).OrderByDescending(g => g.Select(o => o.Who).Distinct(StringComparer.Ordinal).Count()).ThenBy(g => g.Key)
            .Select(g => (ulong?)g.Key).FirstOrDefault();
        var group = proposed.Concat(assembled).Select(o => o.Group).FirstOrDefault(g => g is not null) ?? due;
        double? importedAt = imports.Count > 0 ? imports[imports.Count / 2] : null;
        var reached = imports.Count * 2 > Math.Max(1, running);

        var outcome = slot + 1 >= wallSlot && !reached ? SlotOutcomes.Pending
            : !reached ? SlotOutcomes.Missed
            : importedAt > secondsPerSlot / 3 ? SlotOutcomes.Late
            : SlotOutcomes.Block;
        // A refusal explains a missed slot only beside what came of the block: one node with a buggy client refuses
        // every block, and a partitioned one refuses proposals whose parent it lacks.
        var rejecters = seen.Where(o => o.Kind == SlotObservationKinds.Rejected).Select(o => o.Who).Distinct(StringComparer.Ordinal).Count();
        var refusal = rejected is null ? "" : $"; {rejecters} refused it (first {rejected.Who}: {rejected.Detail})";
        var reason = outcome != SlotOutcomes.Missed ? ""
            : assembled.Count > 0 ? $"g{group}'s block was assembled but only {imports.Count} of {running} nodes imported it{(rejected is null ? " (late, or partitioned away)" : refusal)}"
            : proposed.Count > 0 ? $"g{group}'s leader proposed, but its block never gathered m follow signatures ({follows} members signed){refusal}"
            : rejected is not null ? $"its block was rejected by {rejected.Who}: {rejected.Detail}"
            : imports.Count > 0 ? $"only {imports.Count} of {running} nodes imported a block"
            : group is null ? "no proposal seen: the proposing group's leader did not propose (stopped, partitioned away, or too few of its members run)"
            : $"no proposal seen: g{group}'s leader did not propose (stopped, partitioned away, or too few of its members run)";
        return new SlotView(
            slot,
            outcome,
            group,
            proposed.Count > 0 ? proposed.Min(o => o.Seconds) : null,
            assembled.Count > 0 ? assembled.Min(o => o.Of) : null,
            importedAt,
            imports.Count,
            splits,
            reason,
            [.. seen.Where(o => o.Kind == SlotObservationKinds.InclusionListMissed).Select(o => $"g{o.Group}: {o.Detail}").Distinct(StringComparer.Ordinal)]);
    }
}
