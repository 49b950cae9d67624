using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Live;

/// <summary>
/// Gossip per topic over a sliding window, from the identities' cumulative counters. A node that restarts starts its
/// counters again; its first reading after that counts from zero rather than going negative.
/// </summary>
public sealed class TrafficWindow(TimeSpan length)
{
    private readonly Dictionary<(string Identity, string Topic), TopicTraffic> _last = [];
    private readonly Queue<(DateTimeOffset At, Dictionary<string, TopicTraffic> Added)> _samples = new();
    private readonly Dictionary<string, TopicTraffic> _totals = new(StringComparer.Ordinal);
    private DateTimeOffset _first = DateTimeOffset.MaxValue;

    /// <summary>Everything published and delivered per topic since the first reading, across restarts: monotonic, for counters.</summary>
    public TopicTraffic[] Totals => [.. _totals.Values.OrderBy(t => t.Topic, StringComparer.Ordinal)];

    /// <summary>Takes the readings of <paramref name="at"/>.</summary>
    public void Add(DateTimeOffset at, IEnumerable<IdentityActivity> activities)
    {
        var added = new Dictionary<string, TopicTraffic>(StringComparer.Ordinal);
        foreach (var activity in activities.Where(a => a.Running))
        {
            foreach (var topic in activity.Topics)
            {
                var key = (activity.Identity, topic.Topic);
                var before = _last.TryGetValue(key, out var last) && last.Published <= topic.Published && last.Accepted <= topic.Accepted ? last : null;
                _last[key] = topic;
                var delta = before is null ? topic : Minus(topic, before);
                _totals[topic.Topic] = _totals.TryGetValue(topic.Topic, out var total) ? Plus(total, delta) : delta;
                if (_first == DateTimeOffset.MaxValue)
                {
                    // The first reading's totals span the whole run so far, not the window.
                    continue;
                }

                added[topic.Topic] = added.TryGetValue(topic.Topic, out var sum) ? Plus(sum, delta) : delta;
            }
        }

        _first = _first == DateTimeOffset.MaxValue ? at : _first;
        _samples.Enqueue((at, added));
        while (_samples.Count > 1 && at - _samples.Peek().At > length)
        {
            _samples.Dequeue();
        }
    }

    /// <summary>Per slot of <paramref name="slotDuration"/>, over the window, busiest topic first.</summary>
    public TopicRate[] Rates(TimeSpan slotDuration)
    {
        if (_samples.Count < 2)
        {
            return [];
        }

        var span = _samples.Last().At - _samples.Peek().At;
        var slots = span / slotDuration;
        var totals = _samples.Skip(1).SelectMany(s => s.Added.Values).GroupBy(t => t.Topic, StringComparer.Ordinal);
        return [.. totals
            .Select(t => new TopicRate(t.Key, t.Sum(x => x.Published) / slots, t.Sum(x => x.PublishedBytes) / slots, t.Sum(x => x.Accepted) / slots, t.Sum(x => x.Rejected) / slots))
            .OrderByDescending(r => r.BytesPerSlot)];
    }

    private static TopicTraffic Minus(TopicTraffic a, TopicTraffic b) =>
        new(a.Topic, a.Published - b.Published, a.PublishedBytes - b.PublishedBytes, a.Accepted - b.Accepted, a.Rejected - b.Rejected, a.Ignored - b.Ignored);

    private static TopicTraffic Plus(TopicTraffic a, TopicTraffic b) =>
        new(a.Topic, a.Published + b.Published, a.PublishedBytes + b.PublishedBytes, a.Accepted + b.Accepted, a.Rejected + b.Rejected, a.Ignored + b.Ignored);
}
