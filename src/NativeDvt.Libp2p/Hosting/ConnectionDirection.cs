namespace NativeDvt.Libp2p.Hosting;

/// <summary>Who opened a connection.</summary>
public enum ConnectionDirection
{
    Inbound,
    Outbound,
}
