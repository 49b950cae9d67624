namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>
/// What the router needs from the network: a way to queue an RPC for a connected peer. The router calls
/// it while holding its lock, so implementations must only enqueue (never block or call back into the router).
/// Peers are named by their textual peer id.
/// </summary>
public interface IGossipsubTransport
{
    void Send(string peer, Rpc rpc);
}
