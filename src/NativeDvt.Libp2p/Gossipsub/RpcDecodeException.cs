namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>A pubsub RPC frame that cannot be decoded (malformed protobuf, oversized frame, missing field).</summary>
public sealed class RpcDecodeException : FormatException
{
    public RpcDecodeException()
    {
    }

    public RpcDecodeException(string message)
        : base(message)
    {
    }

    public RpcDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
