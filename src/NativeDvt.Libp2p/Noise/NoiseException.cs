namespace NativeDvt.Libp2p.Noise;

/// <summary>A Noise handshake or transport failure: bad MAC, malformed message, wrong identity.</summary>
public sealed class NoiseException : IOException
{
    public NoiseException(string message)
        : base(message)
    {
    }

    public NoiseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NoiseException()
    {
    }
}
