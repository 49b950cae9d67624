using NativeDvt.Libp2p.Core.Multiformats;

namespace NativeDvt.Libp2p.Core.Identity;

/// <summary>
/// A peer id: the multihash of the PublicKey protobuf, identity when that protobuf is at most 42
/// bytes, else sha2-256. Its text form is base58btc.
/// </summary>
/// <remarks>Spec: https://github.com/libp2p/specs/blob/master/peer-ids/peer-ids.md#peer-ids</remarks>
public sealed class PeerId : IEquatable<PeerId>, IComparable<PeerId>
{
    /// <summary>Public key protobufs up to this size are inlined with the identity hash.</summary>
    public const int MaxInlineKeyLength = 42;

    private readonly byte[] _bytes;
    private string? _text;

    private PeerId(byte[] bytes)
    {
        _bytes = bytes;
    }

    /// <summary>The multihash bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Derives the peer id of <paramref name="key"/>.</summary>
    public static PeerId FromPublicKey(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var encoded = key.ToProtobuf();
        return new PeerId(encoded.Length <= MaxInlineKeyLength ? Multihash.Identity(encoded) : Multihash.Sha2_256(encoded));
    }

    /// <summary>Parses the multihash bytes of a peer id (as in the /p2p/ multiaddr component).</summary>
    public static PeerId FromBytes(ReadOnlySpan<byte> bytes)
    {
        var code = Multihash.Decode(bytes, out var digest);
        if (code == MultihashCode.Identity)
        {
            // An inlined key must itself be a valid key protobuf.
            PublicKey.FromProtobuf(digest);
        }

        return new PeerId(bytes.ToArray());
    }

    /// <summary>Parses the base58btc text form ("12D3KooW…", "Qm…", "16Uiu2…").</summary>
    public static PeerId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new MultiformatException("peer id: empty text");
        }

        return FromBytes(Base58.Decode(text));
    }

    /// <summary>Parses the text form, or returns false.</summary>
    public static bool TryParse(string? text, out PeerId? peerId)
    {
        peerId = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        try
        {
            peerId = Parse(text);
            return true;
        }
        catch (MultiformatException)
        {
            return false;
        }
    }

    /// <summary>The public key inlined in an identity-hashed peer id, if any.</summary>
    public PublicKey? TryGetPublicKey() =>
        Multihash.Decode(_bytes, out var digest) == MultihashCode.Identity ? PublicKey.FromProtobuf(digest) : null;

    /// <summary>True when <paramref name="key"/> is the key this peer id was derived from.</summary>
    public bool Matches(PublicKey key) => Equals(FromPublicKey(key));

    /// <summary>A copy of the multihash bytes.</summary>
    public byte[] ToBytes() => (byte[])_bytes.Clone();

    public override string ToString() => _text ??= Base58.Encode(_bytes);

    public bool Equals(PeerId? other) => other is not null && other._bytes.AsSpan().SequenceEqual(_bytes);

    public override bool Equals(object? obj) => Equals(obj as PeerId);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>Orders by the multihash bytes.</summary>
    public int CompareTo(PeerId? other) => other is null ? 1 : _bytes.AsSpan().SequenceCompareTo(other._bytes);

    public static bool operator ==(PeerId? left, PeerId? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(PeerId? left, PeerId? right) => !(left == right);

    public static bool operator <(PeerId? left, PeerId? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    public static bool operator >(PeerId? left, PeerId? right) => left is not null && left.CompareTo(right) > 0;

    public static bool operator <=(PeerId? left, PeerId? right) => !(left > right);

    public static bool operator >=(PeerId? left, PeerId? right) => !(left < right);
}
