using Microsoft.Extensions.Logging;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiaddress;

namespace NativeDvt.Libp2p.Hosting;

/// <summary>Host log messages; event ids 1000-1099 belong to NativeDvt.Libp2p.Hosting.</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Listening on {Address}")]
    public static partial void Listening(ILogger logger, Multiaddr address);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Connection {Direction} to {Peer} at {Address} opened")]
    public static partial void ConnectionOpened(ILogger logger, ConnectionDirection direction, PeerId peer, Multiaddr address);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Connection to {Peer} at {Address} closed")]
    public static partial void ConnectionClosed(ILogger logger, PeerId peer, Multiaddr address, Exception? reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Inbound handshake from {Address} failed")]
    public static partial void InboundHandshakeFailed(ILogger logger, string address, Exception exception);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Refused an inbound connection: at the limit of {MaxConnections} connections")]
    public static partial void ConnectionLimitReached(ILogger logger, int maxConnections);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Debug, Message = "Closed a new connection: {Peer} is at the per-peer limit")]
    public static partial void PeerLimitReached(ILogger logger, PeerId peer);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Inbound stream from {Peer} failed during negotiation or in its handler ({Protocol})")]
    public static partial void StreamFailed(ILogger logger, PeerId peer, string protocol, Exception exception);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "Identify with {Peer} failed")]
    public static partial void IdentifyFailed(ILogger logger, PeerId peer, Exception exception);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Debug, Message = "Closed a connection: the peer filter does not admit {Peer}")]
    public static partial void PeerFiltered(ILogger logger, PeerId peer);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "A peer event subscriber threw")]
    public static partial void SubscriberFailed(ILogger logger, Exception exception);
}
