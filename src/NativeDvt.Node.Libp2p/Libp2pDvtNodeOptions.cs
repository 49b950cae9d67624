using Microsoft.Extensions.Logging;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiaddress;

namespace NativeDvt.Node.Libp2p;

/// <summary>What one node over libp2p is made of.</summary>
public sealed record Libp2pDvtNodeOptions
{
    /// <summary>The node itself (identity, genesis, keys, stores, events).</summary>
    public required NodeOptions Node { get; init; }

    /// <summary>The chain's genesis instant; slot s starts at genesis + s x slot length.</summary>
    public required DateTimeOffset GenesisTime { get; init; }

    /// <summary>The clock for the node's ticks and the gossipsub heartbeat.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where the host listens (a loopback port of the system's choice unless set).</summary>
    public Multiaddr ListenAddress { get; init; } = Multiaddr.Parse("/ip4/127.0.0.1/tcp/0");

    /// <summary>The libp2p host key (a fresh Ed25519 key unless set).</summary>
    public PrivateKey? HostKey { get; init; }

    /// <summary>Optional logging for the host, gossipsub and the node's driver.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
