using System.Diagnostics.CodeAnalysis;

namespace NativeDvt.Libp2p.Ethereum;

/// <summary>
/// Gossip topic names of this devnet: <c>/ndvt/&lt;fork digest as 8 lowercase hex digits&gt;/&lt;name&gt;/ssz_snappy</c>,
/// shaped like Ethereum's <c>/eth2/…</c> topics.
/// </summary>
public static class EthereumGossipTopic
{
    public const string Prefix = "ndvt";
    public const string Encoding = "ssz_snappy";
    public const int ForkDigestLength = 4;

    public static string Format(ReadOnlySpan<byte> forkDigest, string name)
    {
        if (forkDigest.Length != ForkDigestLength)
        {
            throw new ArgumentException($"a fork digest is {ForkDigestLength} bytes, got {forkDigest.Length}", nameof(forkDigest));
        }

        if (string.IsNullOrEmpty(name) || name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"topic name '{name}' must be non-empty and contain no '/'", nameof(name));
        }

        return $"/{Prefix}/{Convert.ToHexStringLower(forkDigest)}/{name}/{Encoding}";
    }

    /// <summary>Splits a topic into fork digest and name; false when it is not a topic of this shape.</summary>
    public static bool TryParse(string topic, [NotNullWhen(true)] out byte[]? forkDigest, [NotNullWhen(true)] out string? name)
    {
        forkDigest = null;
        name = null;
        var parts = topic.Split('/');
        if (parts.Length != 5 || parts[0].Length != 0 || parts[1] != Prefix || parts[4] != Encoding
            || parts[2].Length != ForkDigestLength * 2 || parts[3].Length == 0
            || !parts[2].All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)))
        {
            return false;
        }

        forkDigest = Convert.FromHexString(parts[2]);
        name = parts[3];
        return true;
    }
}
