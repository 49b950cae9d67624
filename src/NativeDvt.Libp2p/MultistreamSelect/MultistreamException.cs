namespace NativeDvt.Libp2p.MultistreamSelect;

/// <summary>Protocol negotiation failed: malformed message, wrong header, or no protocol in common.</summary>
public sealed class MultistreamException : IOException
{
    public MultistreamException(string message)
        : base(message)
    {
    }

    public MultistreamException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MultistreamException()
    {
    }
}
