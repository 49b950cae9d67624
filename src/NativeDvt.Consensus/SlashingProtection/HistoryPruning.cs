using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.SlashingProtection;

/// <summary>
/// Keeps a history bounded: the oldest records (by slot, by target epoch) are dropped and replaced by
/// watermarks at their highest values. Safe because the rules refuse everything at or below a
/// watermark, which covers every dropped record (a lower target cannot surround or be surrounded by
/// a new vote whose source and target clear the watermarks).
/// </summary>
internal static class HistoryPruning
{
    public static ValidatorHistory Prune(ValidatorHistory history, int maxRecordsPerKind)
    {
        var keep = Math.Max(1, maxRecordsPerKind / 2);
        if (history.Blocks.Count > maxRecordsPerKind)
        {
            var ordered = history.Blocks.OrderBy(b => b.Slot).ToList();
            var dropped = ordered.Take(ordered.Count - keep).ToList();
            var highest = dropped.Max(b => b.Slot);
            history = history with
            {
                Blocks = ordered.Skip(dropped.Count).ToList(),
                PrunedBlockSlot = Max(history.PrunedBlockSlot, highest),
            };
        }

        if (history.Attestations.Count > maxRecordsPerKind)
        {
            var ordered = history.Attestations.OrderBy(a => a.TargetEpoch).ToList();
            var dropped = ordered.Take(ordered.Count - keep).ToList();
            history = history with
            {
                Attestations = ordered.Skip(dropped.Count).ToList(),
                PrunedSourceEpoch = Max(history.PrunedSourceEpoch, dropped.Max(a => a.SourceEpoch)),
                PrunedTargetEpoch = Max(history.PrunedTargetEpoch, dropped.Max(a => a.TargetEpoch)),
            };
        }

        return history;
    }

    private static Slot Max(Slot? current, Slot candidate) => current is { } c && c > candidate ? c : candidate;

    private static Epoch Max(Epoch? current, Epoch candidate) => current is { } c && c > candidate ? c : candidate;
}
