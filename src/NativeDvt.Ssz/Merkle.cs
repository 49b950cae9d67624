using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace NativeDvt.Ssz;

/// <summary>
/// Merkleization primitives of simple-serialize.md: hash, zero hashes, merkleize with a limit, mix_in_length.
/// </summary>
/// <remarks>
/// Trees are padded virtually: a subtree made only of padding is a precomputed zero hash, so a list
/// with a limit of 2^40 costs hashes in proportion to its length, not its limit.
/// </remarks>
public static class Merkle
{
    /// <summary>The deepest tree: 2^64 chunks.</summary>
    public const int MaxDepth = 64;

    // Below this many chunks a level-by-level pass is not worth its buffer.
    private const int LevelThreshold = 16;

    private static readonly Bytes32[] ZeroHashes = ComputeZeroHashes();

    /// <summary>The root of a tree of depth <paramref name="depth"/> whose leaves are all zero chunks.</summary>
    public static Bytes32 ZeroHash(int depth) => ZeroHashes[depth];

    /// <summary>SHA-256 of the 64 bytes <paramref name="left"/> || <paramref name="right"/>.</summary>
    public static Bytes32 Hash(in Bytes32 left, in Bytes32 right)
    {
        Span<byte> pair = stackalloc byte[64];
        left.CopyTo(pair);
        right.CopyTo(pair[32..]);
        return Hash(pair);
    }

    /// <summary>SHA-256 of 64 contiguous bytes (two adjacent chunks).</summary>
    public static Bytes32 Hash(ReadOnlySpan<byte> pair)
    {
        var result = default(Bytes32);
        SHA256.HashData(pair, Bytes32.AsWritableSpan(ref result));
        return result;
    }

    /// <summary>The tree depth for <paramref name="limitChunks"/> leaves: log2 of the next power of two.</summary>
    public static int DepthFor(ulong limitChunks) =>
        limitChunks <= 1 ? 0 : 64 - BitOperations.LeadingZeroCount(limitChunks - 1);

    /// <summary>The number of chunks that <paramref name="count"/> packed items of <paramref name="itemSize"/> bytes fill.</summary>
    public static ulong ChunkCount(ulong count, int itemSize) => ((count * (ulong)itemSize) + 31) / 32;

    /// <summary>
    /// merkleize(pack(data), limit): <paramref name="data"/> is cut into 32-byte chunks, the last one
    /// zero-padded, and the tree is padded to <paramref name="limitChunks"/> leaves.
    /// </summary>
    public static Bytes32 Merkleize(ReadOnlySpan<byte> data, ulong limitChunks)
    {
        var count = (data.Length + 31) / 32;
        if (count < LevelThreshold)
        {
            return MerkleizeStreaming(data, limitChunks);
        }

        var depth = DepthFor(limitChunks);
        if (depth < MaxDepth && (ulong)count > 1UL << depth)
        {
            throw new SszException($"{count} chunks exceed the limit of {limitChunks}");
        }

        var buffer = ArrayPool<byte>.Shared.Rent((count + 1) * 32);
        try
        {
            data.CopyTo(buffer);
            buffer.AsSpan(data.Length, (count * 32) - data.Length).Clear();
            var level = 0;
            for (var nodes = count; nodes > 1; nodes /= 2, level++)
            {
                if (nodes % 2 == 1)
                {
                    ZeroHashes[level].CopyTo(buffer.AsSpan(nodes * 32, 32));
                    nodes++;
                }

                Sha256Pairs.Hash(buffer.AsSpan(0, nodes * 32), buffer.AsSpan(0, nodes / 2 * 32));
            }

            var root = new Bytes32(buffer.AsSpan(0, 32));
            for (; level < depth; level++)
            {
                root = Hash(root, ZeroHashes[level]);
            }

            return root;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Bytes32 MerkleizeStreaming(ReadOnlySpan<byte> data, ulong limitChunks)
    {
        var merkleizer = new Merkleizer(limitChunks);
        var whole = data.Length / 32 * 32;
        for (var offset = 0; offset < whole; offset += 32)
        {
            merkleizer.Append(data.Slice(offset, 32));
        }

        if (whole < data.Length)
        {
            Span<byte> last = stackalloc byte[32];
            last.Clear();
            data[whole..].CopyTo(last);
            merkleizer.Append(last);
        }

        return merkleizer.Finish();
    }

    /// <summary>merkleize of precomputed roots (for example cached element roots), padded to <paramref name="limit"/> leaves.</summary>
    public static Bytes32 Merkleize(ReadOnlySpan<Bytes32> roots, ulong limit) =>
        Merkleize(MemoryMarshal.AsBytes(roots), limit);

    /// <summary>
    /// Merkleizes many trees of the same shape at once, for example the field roots of every validator
    /// in a registry: <paramref name="leaves"/> holds <paramref name="leavesPerTree"/> chunks per tree
    /// (a power of two; pad missing fields with <see cref="Bytes32.Zero"/>), tree after tree, and each
    /// tree's root lands in <paramref name="roots"/>. Hashing whole levels across trees keeps the
    /// vector lanes full. <paramref name="leaves"/> is used as scratch and overwritten.
    /// </summary>
    public static void MerkleizeMany(Span<Bytes32> leaves, int leavesPerTree, Span<Bytes32> roots)
    {
        if (leavesPerTree <= 0 || !BitOperations.IsPow2(leavesPerTree) || leaves.Length % leavesPerTree != 0)
        {
            throw new ArgumentException($"{leaves.Length} leaves cannot form trees of {leavesPerTree} (a power of two) leaves", nameof(leaves));
        }

        var trees = leaves.Length / leavesPerTree;
        ArgumentOutOfRangeException.ThrowIfLessThan(roots.Length, trees);
        var bytes = MemoryMarshal.AsBytes(leaves);
        for (var nodes = leaves.Length; nodes > trees; nodes /= 2)
        {
            Sha256Pairs.Hash(bytes[..(nodes * 32)], bytes[..(nodes / 2 * 32)]);
        }

        leaves[..trees].CopyTo(roots);
    }

    /// <summary>mix_in_length: hash of the root and the length as a little-endian uint256.</summary>
    public static Bytes32 MixInLength(in Bytes32 root, ulong length)
    {
        Span<byte> pair = stackalloc byte[64];
        pair.Clear();
        root.CopyTo(pair);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(pair[32..], length);
        return Hash(pair);
    }

    /// <summary>hash_tree_root of a <c>List[uint64, limit]</c> (e.g. balances), packing without allocation on little-endian hosts.</summary>
    public static Bytes32 HashTreeRootOfUInt64List(ReadOnlySpan<ulong> values, ulong limit)
    {
        if ((ulong)values.Length > limit)
        {
            throw new SszException($"list of {values.Length} exceeds its limit {limit}");
        }

        return MixInLength(PackUInt64(values, ChunkCount(limit, sizeof(ulong))), (ulong)values.Length);
    }

    /// <summary>hash_tree_root of a <c>Vector[uint64, values.Length]</c>.</summary>
    public static Bytes32 HashTreeRootOfUInt64Vector(ReadOnlySpan<ulong> values) =>
        PackUInt64(values, ChunkCount((ulong)values.Length, sizeof(ulong)));

    private static Bytes32 PackUInt64(ReadOnlySpan<ulong> values, ulong limitChunks)
    {
        if (BitConverter.IsLittleEndian)
        {
            return Merkleize(MemoryMarshal.AsBytes(values), limitChunks);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(values.Length * sizeof(ulong));
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(buffer.AsSpan(i * sizeof(ulong)), values[i]);
            }

            return Merkleize(buffer.AsSpan(0, values.Length * sizeof(ulong)), limitChunks);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Bytes32[] ComputeZeroHashes()
    {
        var table = new Bytes32[MaxDepth + 1];
        for (var depth = 1; depth <= MaxDepth; depth++)
        {
            table[depth] = Hash(table[depth - 1], table[depth - 1]);
        }

        return table;
    }
}
