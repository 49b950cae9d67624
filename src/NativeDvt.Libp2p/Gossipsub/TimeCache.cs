namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>A set of message ids whose entries expire a fixed time after insertion (the seen cache).</summary>
internal sealed class TimeCache(TimeSpan ttl)
{
    private readonly Dictionary<MessageId, TimeSpan> _expiries = [];
    private readonly Queue<(MessageId Id, TimeSpan Expiry)> _order = new();

    /// <summary>Adds the id; false when it is already present.</summary>
    public bool Add(MessageId id, TimeSpan now)
    {
        if (!_expiries.TryAdd(id, now + ttl))
        {
            return false;
        }

        _order.Enqueue((id, now + ttl));
        return true;
    }

    public bool Contains(MessageId id) => _expiries.ContainsKey(id);

    public void Prune(TimeSpan now)
    {
        while (_order.TryPeek(out var head) && head.Expiry <= now)
        {
            _order.Dequeue();
            _expiries.Remove(head.Id);
        }
    }
}
