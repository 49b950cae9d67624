namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>Score thresholds of gossipsub v1.1. Gossip, publish and graylist thresholds must satisfy graylist &lt;= publish &lt;= gossip &lt;= 0.</summary>
public sealed record PeerScoreThresholds
{
    /// <summary>Below this no gossip is emitted to the peer and its IHAVE/IWANT are ignored.</summary>
    public double GossipThreshold { get; init; } = -10;

    /// <summary>Below this our own messages are not flood-published or fanned out to the peer.</summary>
    public double PublishThreshold { get; init; } = -50;

    /// <summary>Below this every RPC from the peer is ignored.</summary>
    public double GraylistThreshold { get; init; } = -80;

    /// <summary>Peer exchange from a PRUNE is only followed when the pruning peer scores at least this.</summary>
    public double AcceptPXThreshold { get; init; } = 10;

    /// <summary>Opportunistic grafting starts when the mesh's median score falls below this.</summary>
    public double OpportunisticGraftThreshold { get; init; } = 1;
}
