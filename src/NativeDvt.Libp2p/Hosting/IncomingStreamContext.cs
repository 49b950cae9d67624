using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Streams;

namespace NativeDvt.Libp2p.Hosting;

/// <summary>What a protocol handler gets for an inbound stream. The host disposes the stream when the handler returns.</summary>
public sealed class IncomingStreamContext(MuxedStream stream, Libp2pConnection connection, CancellationToken cancellationToken)
{
    /// <summary>The negotiated stream.</summary>
    public MuxedStream Stream { get; } = stream;

    /// <summary>The negotiated protocol id.</summary>
    public string Protocol => Stream.Protocol;

    /// <summary>The connection the stream arrived on.</summary>
    public Libp2pConnection Connection { get; } = connection;

    /// <summary>The remote peer.</summary>
    public PeerId RemotePeer => Connection.RemotePeer;

    /// <summary>Cancelled when the host shuts down.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;
}
