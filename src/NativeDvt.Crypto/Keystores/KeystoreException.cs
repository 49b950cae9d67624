namespace NativeDvt.Crypto.Keystores;

/// <summary>A keystore that cannot be read or decrypted: malformed JSON (the message names the field) or a wrong password.</summary>
public sealed class KeystoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KeystoreException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public KeystoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public KeystoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
