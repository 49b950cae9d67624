using Microsoft.Extensions.Logging;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Libp2p.Core.Identity;

namespace NativeDvt.Node.Libp2p;

/// <summary>Log messages of the node over libp2p; event ids 1300-1399.</summary>
internal static partial class NodeLibp2pLog
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "Not published on {Topic}: {Reason}")]
    public static partial void NotPublished(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Debug, Message = "BeaconBlocksByRoot to {Peer} failed")]
    public static partial void BlockRequestFailed(ILogger logger, PeerId peer, Exception exception);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Debug, Message = "BeaconBlocksByRoot from {Peer}: refused the request")]
    public static partial void BlockRequestRefused(ILogger logger, PeerId peer, Exception exception);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "Block {Root} fetched by root from {Peer}")]
    public static partial void BlockFetched(ILogger logger, Root root, PeerId peer);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Information, Message = "Block {Root}: no connected peer had it in {Rounds} rounds")]
    public static partial void BlockNotFound(ILogger logger, Root root, int rounds);
}
