namespace NativeDvt.Libp2p.Ethereum;

/// <summary>A gossip payload that is not a valid snappy block within the size limits.</summary>
public sealed class SszSnappyException : FormatException
{
    public SszSnappyException()
    {
    }

    public SszSnappyException(string message)
        : base(message)
    {
    }

    public SszSnappyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
