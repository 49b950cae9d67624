using Microsoft.Extensions.Logging;

namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>Gossipsub log messages; event ids 1200-1299 belong to NativeDvt.Libp2p.Gossipsub.</summary>
internal static partial class GossipsubLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Gossipsub peer {Peer} added ({Protocol}, outbound {Outbound})")]
    public static partial void PeerAdded(ILogger logger, string peer, GossipsubProtocol protocol, bool outbound);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Could not open a gossipsub stream to {Peer}")]
    public static partial void OutboundStreamRefused(ILogger logger, string peer, Exception exception);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Dropped gossipsub peer {Peer}: malformed RPC frame")]
    public static partial void MalformedFrame(ILogger logger, string peer, Exception exception);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Debug, Message = "Gossipsub stream to {Peer} failed")]
    public static partial void OutboundStreamFailed(ILogger logger, string peer, Exception exception);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Debug, Message = "Dropped an RPC to {Peer}: its outbound queue is full")]
    public static partial void OutboundQueueFull(ILogger logger, string peer);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Debug, Message = "Ignored an RPC from graylisted peer {Peer}")]
    public static partial void GraylistedRpcIgnored(ILogger logger, string peer);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "The validator of {Topic} threw; the message is ignored")]
    public static partial void ValidatorFailed(ILogger logger, string topic, Exception exception);
}
