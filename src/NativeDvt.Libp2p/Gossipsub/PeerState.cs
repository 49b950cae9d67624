namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>What the router knows about one connected peer.</summary>
internal sealed class PeerState(string id, GossipsubProtocol protocol, bool outbound)
{
    public string Id { get; } = id;

    public GossipsubProtocol Protocol { get; } = protocol;

    /// <summary>We dialled this peer; v1.1 keeps D_out such peers in every mesh against eclipse attacks.</summary>
    public bool Outbound { get; } = outbound;

    public HashSet<string> Topics { get; } = new(StringComparer.Ordinal);

    /// <summary>IHAVE messages received since the last heartbeat.</summary>
    public int IHaveCount { get; set; }

    /// <summary>Message ids requested from this peer by IWANT since the last heartbeat.</summary>
    public int IAsked { get; set; }
}
