namespace NativeDvt.Crypto.Bls;

/// <summary>A BLS operation was given input it must refuse (bad secret key, empty aggregate, undecodable point).</summary>
public sealed class BlsException : Exception
{
    public BlsException()
    {
    }

    public BlsException(string message)
        : base(message)
    {
    }

    public BlsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
