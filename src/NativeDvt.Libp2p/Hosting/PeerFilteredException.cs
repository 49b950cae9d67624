namespace NativeDvt.Libp2p.Hosting;

/// <summary>A connection was refused because the host's peer filter does not admit the peer (<see cref="Libp2pHost.SetPeerFilterAsync"/>).</summary>
public sealed class PeerFilteredException : IOException
{
    public PeerFilteredException(string message)
        : base(message)
    {
    }

    public PeerFilteredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PeerFilteredException()
    {
    }
}
