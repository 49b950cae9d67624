namespace NativeDvt.Libp2p.Core.Multiformats;

/// <summary>
/// Malformed multiformats input: varints, base58, multihashes, multiaddrs, keys and peer ids.
/// The message names the element that was wrong.
/// </summary>
public sealed class MultiformatException : FormatException
{
    public MultiformatException(string message)
        : base(message)
    {
    }

    public MultiformatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MultiformatException()
    {
    }
}
