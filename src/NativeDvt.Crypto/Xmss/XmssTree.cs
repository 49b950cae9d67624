namespace NativeDvt.Crypto.Xmss;

/// <summary>
/// The whole Merkle tree of one key, kept in memory: at h = 10 it is 2047 nodes (64 KiB), so
/// signing reads its authentication path instead of running BDS traversal.
/// </summary>
internal sealed class XmssTree
{
    private const int N = XmssParameters.N;

    // _levels[k] holds the 2^(h-k) nodes of height k, left to right; _levels[h] is the root.
    private readonly byte[][] _levels;

    private XmssTree(byte[][] levels) => _levels = levels;

    /// <summary>The tree's height h.</summary>
    public int Height => _levels.Length - 1;

    /// <summary>The root node.</summary>
    public ReadOnlySpan<byte> Root => _levels[Height];

    /// <summary>
    /// Builds every leaf (WOTS+ key then L-tree, in parallel: this is where key generation spends its time)
    /// and then the inner nodes as treeHash (RFC 8391 section 4.1.6) would.
    /// </summary>
    public static XmssTree Build(int height, byte[] skSeed, byte[] pubSeed)
    {
        var levels = new byte[height + 1][];
        var leafCount = 1 << height;
        levels[0] = new byte[leafCount * N];
        Parallel.For(0, leafCount, () => new byte[Wots.Size], (leaf, _, scratch) =>
        {
            Wots.PublicKey(skSeed, pubSeed, (uint)leaf, scratch);
            LTree.Compress(scratch, pubSeed, (uint)leaf, levels[0].AsSpan(leaf * N, N));
            return scratch;
        }, _ => { });

        for (var k = 0; k < height; k++)
        {
            var below = levels[k];
            var level = new byte[below.Length / 2];
            var nodes = level.Length / N;
            for (var first = 0; first < nodes; first += RandHashX8.Lanes)
            {
                var lanes = Math.Min(RandHashX8.Lanes, nodes - first);
                RandHashX8.Hash(pubSeed, XmssAddress.HashTreeType, 0, (uint)k, (uint)first, lanes, below.AsSpan(2 * first * N, 2 * lanes * N), level.AsSpan(first * N, lanes * N));
            }

            levels[k + 1] = level;
        }

        return new XmssTree(levels);
    }

    /// <summary>Writes the authentication path of leaf <paramref name="leaf"/>: the sibling at each height.</summary>
    public void WriteAuthPath(uint leaf, Span<byte> destination)
    {
        for (var k = 0; k < Height; k++)
        {
            var sibling = (int)((leaf >> k) ^ 1);
            _levels[k].AsSpan(sibling * N, N).CopyTo(destination.Slice(k * N, N));
        }
    }
}
