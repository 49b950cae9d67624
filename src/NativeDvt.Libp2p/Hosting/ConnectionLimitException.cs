namespace NativeDvt.Libp2p.Hosting;

/// <summary>A dial was refused because the host is at its connection limit.</summary>
public sealed class ConnectionLimitException : IOException
{
    public ConnectionLimitException(string message)
        : base(message)
    {
    }

    public ConnectionLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectionLimitException()
    {
    }
}
