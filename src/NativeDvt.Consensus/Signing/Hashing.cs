using System.Buffers.Binary;
using System.Security.Cryptography;
using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Signing;

/// <summary>The spec's hash (SHA-256) over the small fixed inputs consensus needs: seeds, domains, signing roots.</summary>
public static class Hashing
{
    /// <summary>hash(data).</summary>
    public static Root Hash(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(data, digest);
        return new Root(digest);
    }

    /// <summary>hash(left || right): also the hash_tree_root of a two-chunk container.</summary>
    public static Root Hash(Root left, Root right)
    {
        Span<byte> input = stackalloc byte[64];
        left.CopyTo(input);
        right.CopyTo(input[32..]);
        return Hash(input);
    }

    /// <summary>hash(root || uint_to_bytes(value)).</summary>
    public static Root Hash(Root root, ulong value)
    {
        Span<byte> input = stackalloc byte[40];
        root.CopyTo(input);
        BinaryPrimitives.WriteUInt64LittleEndian(input[32..], value);
        return Hash(input);
    }

    /// <summary>The 32-byte chunk of a uint64: its hash_tree_root.</summary>
    public static Root Chunk(ulong value)
    {
        Span<byte> chunk = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64LittleEndian(chunk, value);
        return new Root(chunk);
    }
}
