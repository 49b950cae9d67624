using Microsoft.Extensions.Logging;
using NativeDvt.Node.Events;

namespace NativeDvt.Node.Libp2p.Devnet;

/// <summary>How a devnet file is run over libp2p in one process.</summary>
public sealed record Libp2pDevnetOptions
{
    /// <summary>Where every node's events go (called from the nodes' loops at once: must be thread-safe).</summary>
    public required INodeEventSink Events { get; init; }

    /// <summary>The key and genesis seed (the file's seed, else 1, unless set).</summary>
    public ulong? Seed { get; init; }

    /// <summary>How long after creation genesis is: time to listen, connect and form meshes.</summary>
    public TimeSpan GenesisDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Node i listens on 127.0.0.1:(BasePort + i); 0 lets the system pick every port.</summary>
    public int BasePort { get; init; }

    /// <summary>How many following nodes each node dials (each pair once).</summary>
    public int Neighbours { get; init; } = 3;

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Optional logging.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
