using Microsoft.Extensions.Logging;

namespace NativeDvt.Node.Hosting;

/// <summary>Log messages of the node's real-time driver; event ids 1400-1499 belong to NativeDvt.Node.Hosting.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Error, Message = "The node threw on {What}")]
    public static partial void NodeFault(ILogger logger, string what, Exception exception);
}
