namespace NativeDvt.Node.Network;

/// <summary>
/// What a node needs from the network: publish to a topic and subscribe to one. Deliveries come back
/// through <see cref="DvtNode.OnGossip"/>. Implemented by the simulator's network and by gossipsub (<c>Libp2pGossipNetwork</c> in NativeDvt.Node.Libp2p).
/// </summary>
public interface IGossipNetwork
{
    /// <summary>Starts receiving messages of <paramref name="topic"/>.</summary>
    void Subscribe(string topic);

    /// <summary>Sends <paramref name="data"/> (SSZ; the transport compresses if it wants) to the topic's peers.</summary>
    void Publish(string topic, byte[] data);

    /// <summary>
    /// Asks peers for a block the node does not have (req/resp BeaconBlocksByRoot); an answer comes back as a
    /// delivery on the block topic. A network without req/resp may do nothing.
    /// </summary>
    void RequestBlock(NativeDvt.Consensus.Primitives.Root root);
}
