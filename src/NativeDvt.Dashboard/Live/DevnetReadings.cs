using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Live;

/// <summary>One round of the monitor's reads of the cluster: what <see cref="DevnetViewBuilder"/> builds a view from.</summary>
/// <param name="Genesis">The devnet's genesis.</param>
/// <param name="Clock">Its slot clock.</param>
/// <param name="Now">When the round read.</param>
/// <param name="Statuses">Every identity's status.</param>
/// <param name="Activities">Every identity's activity.</param>
/// <param name="Groups">Every group (read once a slot).</param>
/// <param name="Events">The whole event log.</param>
/// <param name="Observations">Every identity's observations of the recent slots, merged.</param>
/// <param name="Traffic">Gossip per topic per slot over the recent window.</param>
/// <param name="TrafficTotals">Gossip per topic since the first reading.</param>
/// <param name="Epochs">Every settled epoch of every group the monitor has read since it started (nodes forget epochs below finality), by group.</param>
/// <param name="PastSlots">Slots older than the observations' window, as they were last seen.</param>
/// <param name="Evidence">Both sides of the logged group slashings, by event-log index, as far as read.</param>
public sealed record DevnetReadings(
    GenesisSummary Genesis,
    ChainClock Clock,
    DateTimeOffset Now,
    IReadOnlyList<IdentityStatus> Statuses,
    IReadOnlyList<IdentityActivity> Activities,
    IReadOnlyList<GroupSummary> Groups,
    IReadOnlyList<DevnetEvent> Events,
    IReadOnlyCollection<SlotObservation> Observations,
    TopicRate[] Traffic,
    TopicTraffic[] TrafficTotals,
    IReadOnlyDictionary<ulong, GroupEpochSummary[]> Epochs,
    IReadOnlyList<SlotView> PastSlots,
    IReadOnlyDictionary<int, SlashingEvidence[]> Evidence);
