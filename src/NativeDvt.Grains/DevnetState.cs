using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains;

/// <summary>The devnet grain's durable state: written whole on every change (the event log included).</summary>
[GenerateSerializer, Alias("ndvt.devnet-state")]
public sealed class DevnetState
{
    /// <summary>The file the devnet was started from; null until it was.</summary>
    [Id(0)]
    public DevnetFile? File { get; set; }

    /// <summary>Genesis as the Beacon API reports it; null until the devnet was started.</summary>
    [Id(1)]
    public GenesisSummary? Genesis { get; set; }

    /// <summary>Bootstrap multiaddrs in registration order.</summary>
    [Id(2)]
    public List<string> BootstrapPeers { get; set; } = [];

    /// <summary>The event log, append-only.</summary>
    [Id(3)]
    public List<DevnetEvent> Events { get; set; } = [];
}
