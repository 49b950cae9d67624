namespace NativeDvt.Crypto.Xmss;

/// <summary>An XMSS state record that cannot be read or trusted.</summary>
public sealed class XmssStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public XmssStateException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public XmssStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public XmssStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
