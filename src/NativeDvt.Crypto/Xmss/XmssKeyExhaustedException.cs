namespace NativeDvt.Crypto.Xmss;

/// <summary>Every one-time key of an XMSS key is used: the key can sign nothing more and must be rotated.</summary>
public sealed class XmssKeyExhaustedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public XmssKeyExhaustedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public XmssKeyExhaustedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public XmssKeyExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
