using Microsoft.Extensions.Logging;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiaddress;

namespace NativeDvt.Libp2p.Hosting;

/// <summary>Settings of a <see cref="Libp2pHost"/>.</summary>
public sealed record Libp2pHostOptions
{
    /// <summary>The host key (Ed25519 or secp256k1); a fresh Ed25519 key when null.</summary>
    public PrivateKey? Identity { get; init; }

    /// <summary>TCP addresses to listen on, e.g. /ip4/127.0.0.1/tcp/0.</summary>
    public IReadOnlyList<Multiaddr> ListenAddresses { get; init; } = [];

    /// <summary>Identify's agentVersion.</summary>
    public string AgentVersion { get; init; } = "nativedvt/0.1.0";

    /// <summary>Identify's protocolVersion.</summary>
    public string ProtocolVersion { get; init; } = "ipfs/0.1.0";

    /// <summary>Open connections in total; further inbound ones are closed on accept, outbound dials fail.</summary>
    public int MaxConnections { get; init; } = 256;

    /// <summary>Open connections to one peer.</summary>
    public int MaxConnectionsPerPeer { get; init; } = 2;

    /// <summary>Inbound streams a connection may hold open at once (yamux RSTs the excess).</summary>
    public int MaxStreamsPerConnection { get; init; } = 256;

    /// <summary>Bound on the whole upgrade: multistream, Noise, multistream, yamux.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Bound on negotiating a protocol on a new stream.</summary>
    public TimeSpan StreamNegotiationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where the host logs (handshake failures, refused connections, faulted handlers); none when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Yamux keep-alive ping interval; zero disables.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);
}
