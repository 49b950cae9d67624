namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>
/// The gossipsub message cache (mcache): the messages of the last <c>historyLength</c> heartbeats, of which
/// the newest <c>historyGossip</c> windows are advertised in IHAVE and all can be served to IWANT.
/// </summary>
internal sealed class MessageCache
{
    private readonly int _historyGossip;
    private readonly LinkedList<List<(MessageId Id, string Topic)>> _windows = new();
    private readonly Dictionary<MessageId, Entry> _messages = [];

    public MessageCache(int historyLength, int historyGossip)
    {
        _historyGossip = historyGossip;
        for (var i = 0; i < historyLength; i++)
        {
            _windows.AddLast([]);
        }
    }

    public void Put(MessageId id, PubsubMessage message)
    {
        if (_messages.TryAdd(id, new Entry(message)))
        {
            _windows.First!.Value.Add((id, message.Topic));
        }
    }

    /// <summary>Returns the message for an IWANT from <paramref name="peer"/> with how often that peer has now asked for it.</summary>
    public (PubsubMessage Message, int Transmissions)? GetForPeer(MessageId id, string peer)
    {
        if (!_messages.TryGetValue(id, out var entry))
        {
            return null;
        }

        var count = entry.Transmissions.GetValueOrDefault(peer) + 1;
        entry.Transmissions[peer] = count;
        return (entry.Message, count);
    }

    /// <summary>Ids of the gossip windows for a topic, newest first.</summary>
    public List<MessageId> GossipIds(string topic)
    {
        var ids = new List<MessageId>();
        var window = _windows.First;
        for (var i = 0; i < _historyGossip && window is not null; i++, window = window.Next)
        {
            foreach (var (id, entryTopic) in window.Value)
            {
                if (entryTopic == topic)
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }

    /// <summary>Starts a new window and forgets the messages of the oldest.</summary>
    public void Shift()
    {
        var oldest = _windows.Last!.Value;
        _windows.RemoveLast();
        foreach (var (id, _) in oldest)
        {
            _messages.Remove(id);
        }

        oldest.Clear();
        _windows.AddFirst(oldest);
    }

    private sealed class Entry(PubsubMessage message)
    {
        public PubsubMessage Message { get; } = message;

        public Dictionary<string, int> Transmissions { get; } = new(StringComparer.Ordinal);
    }
}
