using System.Security.Cryptography;

namespace NativeDvt.Libp2p.Core.Multiformats;

/// <summary>A multihash: varint code, varint digest length, digest.</summary>
/// <remarks>Spec: https://github.com/multiformats/multihash</remarks>
public static class Multihash
{
    /// <summary>Largest identity digest accepted; bounds what a peer can make us decode.</summary>
    public const int MaxIdentityLength = 1024;

    /// <summary>Wraps <paramref name="data"/> in an identity multihash.</summary>
    public static byte[] Identity(ReadOnlySpan<byte> data) => Encode(MultihashCode.Identity, data);

    /// <summary>Hashes <paramref name="data"/> with SHA-256 and wraps it.</summary>
    public static byte[] Sha2_256(ReadOnlySpan<byte> data) => Encode(MultihashCode.Sha2_256, SHA256.HashData(data));

    /// <summary>Encodes a digest with its code and length.</summary>
    public static byte[] Encode(MultihashCode code, ReadOnlySpan<byte> digest)
    {
        var codeSize = Varint.Size((ulong)code);
        var lengthSize = Varint.Size((ulong)digest.Length);
        var result = new byte[codeSize + lengthSize + digest.Length];
        Varint.Write(result, (ulong)code);
        Varint.Write(result.AsSpan(codeSize), (ulong)digest.Length);
        digest.CopyTo(result.AsSpan(codeSize + lengthSize));
        return result;
    }

    /// <summary>
    /// Splits a complete multihash into code and digest; throws <see cref="MultiformatException"/>
    /// on truncation, trailing bytes, or a digest length that does not suit a known code.
    /// </summary>
    public static MultihashCode Decode(ReadOnlySpan<byte> multihash, out ReadOnlySpan<byte> digest)
    {
        var code = Varint.Read(multihash, out var codeSize, "multihash code");
        var length = Varint.Read(multihash[codeSize..], out var lengthSize, "multihash length");
        var rest = multihash[(codeSize + lengthSize)..];
        if (length != (ulong)rest.Length)
        {
            throw new MultiformatException($"multihash length: header says {length} bytes, {rest.Length} follow");
        }

        switch ((MultihashCode)code)
        {
            case MultihashCode.Identity when length <= MaxIdentityLength:
                break;
            case MultihashCode.Identity:
                throw new MultiformatException($"multihash length: identity digest of {length} bytes exceeds {MaxIdentityLength}");
            case MultihashCode.Sha2_256 when length == 32:
                break;
            case MultihashCode.Sha2_256:
                throw new MultiformatException($"multihash length: sha2-256 digest must be 32 bytes, not {length}");
            default:
                throw new MultiformatException($"multihash code: unsupported hash function 0x{code:x}");
        }

        digest = rest;
        return (MultihashCode)code;
    }
}
