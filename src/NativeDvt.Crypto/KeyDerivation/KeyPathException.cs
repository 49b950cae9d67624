namespace NativeDvt.Crypto.KeyDerivation;

/// <summary>A key path that does not follow EIP-2334 syntax (m/a/b/...); the message names the bad component.</summary>
public sealed class KeyPathException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public KeyPathException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public KeyPathException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public KeyPathException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
