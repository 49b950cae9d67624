namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>The gossipsub protocol versions this router speaks, with their multistream ids.</summary>
public enum GossipsubProtocol
{
    /// <summary><c>/meshsub/1.0.0</c>: no peer exchange, no backoff field, no scoring-aware behaviour at the peer.</summary>
    V10,

    /// <summary><c>/meshsub/1.1.0</c>.</summary>
    V11,
}
