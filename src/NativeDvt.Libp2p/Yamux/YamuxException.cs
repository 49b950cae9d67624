namespace NativeDvt.Libp2p.Yamux;

/// <summary>A yamux protocol violation by the remote, or use of a closed session.</summary>
public sealed class YamuxException : IOException
{
    public YamuxException(string message)
        : base(message)
    {
    }

    public YamuxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public YamuxException()
    {
    }
}
