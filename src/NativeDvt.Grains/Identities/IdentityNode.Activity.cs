using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Identities;

/// <summary>What the node did lately, for the dashboard, and its late-proposer fault.</summary>
internal sealed partial class IdentityNode
{
    /// <summary>How long its block publications are held back.</summary>
    public TimeSpan BlockDelay
    {
        get => _node.Network.BlockDelay;
        set => _node.Network.BlockDelay = value;
    }

    /// <summary>Its peers, gossip per topic and observations from <paramref name="sinceSlot"/> on.</summary>
    public IdentityActivity Activity(string key, ulong sinceSlot) => new(
        key,
        true,
        _node.Host.ConnectedPeers.Count,
        [.. _node.Network.Topics.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new TopicTraffic(
            ShortName(t.Key), t.Value.Published, t.Value.PublishedBytes, t.Value.Accepted, t.Value.Rejected, t.Value.Ignored))],
        _activity.Since(sinceSlot),
        (int)BlockDelay.TotalMilliseconds,
        Profile);

    /// <summary>
    /// <c>/eth2/{fork digest}/{name}/ssz_snappy</c> -> <c>{name}</c>: every identity shares the digest, and the
    /// dashboard sums topics across identities by name.
    /// </summary>
    private static string ShortName(string topic)
    {
        var parts = topic.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 ? parts[2] : topic;
    }
}
