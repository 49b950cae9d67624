using NativeDvt.Libp2p.Core.Identity;

namespace NativeDvt.Libp2p.Hosting;

/// <summary>A peer gained its first connection or lost its last one.</summary>
public sealed class PeerEventArgs(PeerId peer, Libp2pConnection connection) : EventArgs
{
    public PeerId Peer { get; } = peer;

    /// <summary>The connection that opened first or closed last.</summary>
    public Libp2pConnection Connection { get; } = connection;
}
