namespace NativeDvt.Node.Network;

/// <summary>
/// Which validator takes a topic's messages: a table from topic to handler, and the subnet families (one handler for
/// every subnet of a family, recognised by the family's topic prefix).
/// </summary>
internal sealed class GossipRoutes
{
    private readonly Dictionary<string, Func<byte[], GossipVerdict>> _topics = new(StringComparer.Ordinal);
    private readonly List<(Func<string, bool> IsFamily, Func<byte[], GossipVerdict> Handler)> _subnets = [];

    /// <summary>Routes <paramref name="topic"/> to <paramref name="handler"/>.</summary>
    public GossipRoutes Topic(string topic, Func<byte[], GossipVerdict> handler)
    {
        _topics.Add(topic, handler);
        return this;
    }

    /// <summary>Routes every topic <paramref name="isFamily"/> recognises to <paramref name="handler"/>.</summary>
    public GossipRoutes Subnets(Func<string, bool> isFamily, Func<byte[], GossipVerdict> handler)
    {
        _subnets.Add((isFamily, handler));
        return this;
    }

    /// <summary>The handler of <paramref name="topic"/>, or null for a topic the node does not take.</summary>
    public Func<byte[], GossipVerdict>? Find(string topic)
    {
        if (_topics.TryGetValue(topic, out var handler))
        {
            return handler;
        }

        foreach (var (isFamily, subnetHandler) in _subnets)
        {
            if (isFamily(topic))
            {
                return subnetHandler;
            }
        }

        return null;
    }
}
