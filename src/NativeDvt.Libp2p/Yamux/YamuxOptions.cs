namespace NativeDvt.Libp2p.Yamux;

/// <summary>Per-session yamux limits.</summary>
internal sealed record YamuxOptions
{
    /// <summary>The spec's initial stream window; we never advertise more.</summary>
    public const int InitialWindow = 256 * 1024;

    /// <summary>Largest data frame we send (the remote's window bounds what we accept).</summary>
    public int MaxFrameSize { get; init; } = 64 * 1024;

    /// <summary>Inbound streams open at once; further SYNs are answered with RST.</summary>
    public int MaxInboundStreams { get; init; } = 256;

    /// <summary>Interval between keep-alive pings; zero disables them.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);
}
