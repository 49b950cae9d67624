namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>
/// IWANT promises (v1.1): when we ask a peer for messages it advertised, we expect one of them (chosen at
/// random) within the follow-up time; a peer that breaks the promise earns a behaviour penalty.
/// </summary>
internal sealed class GossipPromises
{
    private readonly Dictionary<MessageId, Dictionary<string, TimeSpan>> _promises = [];

    public void Add(string peer, MessageId id, TimeSpan expiry)
    {
        if (!_promises.TryGetValue(id, out var peers))
        {
            peers = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
            _promises[id] = peers;
        }

        peers.TryAdd(peer, expiry);
    }

    /// <summary>The message arrived (from anyone): every promise for it is kept.</summary>
    public void Fulfil(MessageId id) => _promises.Remove(id);

    /// <summary>Removes expired promises and returns how many each peer broke.</summary>
    public Dictionary<string, int> TakeBroken(TimeSpan now)
    {
        var broken = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, peers) in _promises.ToList())
        {
            foreach (var (peer, expiry) in peers.ToList())
            {
                if (expiry <= now)
                {
                    broken[peer] = broken.GetValueOrDefault(peer) + 1;
                    peers.Remove(peer);
                }
            }

            if (peers.Count == 0)
            {
                _promises.Remove(id);
            }
        }

        return broken;
    }
}
