using NativeDvt.Node.Network;

namespace NativeDvt.Node.Hosting;

/// <summary>Where the network hands a node its gossip (and blocks fetched by root) for validation.</summary>
public interface IGossipInbox
{
    /// <summary>Validates <paramref name="ssz"/> received on <paramref name="topic"/> in the node; its verdict.</summary>
    ValueTask<GossipVerdict> DeliverAsync(string topic, byte[] ssz, CancellationToken cancellationToken);
}
