using System.Security.Cryptography;

namespace NativeDvt.Ssz.Tests;

[Trait("Category", "Unit")]
public sealed class MerkleTests
{
    [Fact]
    public void Merkleize_AnyCountUpToLimit_MatchesNaiveTree()
    {
        var random = new Random(7);
        foreach (var limit in new ulong[] { 0, 1, 2, 3, 4, 5, 8, 13, 16, 33, 64 })
        {
            for (var count = 0; count <= (int)limit; count++)
            {
                var data = new byte[count * 32];
                random.NextBytes(data);
                Assert.Equal(NaiveMerkleize(data, limit), Merkle.Merkleize(data, limit));
            }
        }
    }

    [Fact]
    public void Merkleize_ManyChunks_LevelPassEqualsStreaming()
    {
        var random = new Random(9);
        foreach (var count in new[] { 16, 17, 31, 64, 100, 1000, 4097 })
        {
            var data = new byte[(count * 32) - 5];
            random.NextBytes(data);
            var streaming = new Merkleizer(1UL << 40);
            var chunk = new byte[32];
            for (var i = 0; i < count; i++)
            {
                Array.Clear(chunk);
                data.AsSpan(i * 32, Math.Min(32, data.Length - (i * 32))).CopyTo(chunk);
                streaming.Append(chunk);
            }

            Assert.Equal(streaming.Finish(), Merkle.Merkleize(data, 1UL << 40));
        }
    }

    [Fact]
    public void MerkleizeMany_EqualShapedTrees_EachRootMatchesMerkleize()
    {
        var random = new Random(17);
        foreach (var (trees, width) in new[] { (1, 1), (3, 2), (37, 8), (5, 16) })
        {
            var leaves = new Bytes32[trees * width];
            var bytes = new byte[32];
            for (var i = 0; i < leaves.Length; i++)
            {
                random.NextBytes(bytes);
                leaves[i] = new Bytes32(bytes);
            }

            var expected = Enumerable.Range(0, trees).Select(t => Merkle.Merkleize(leaves.AsSpan(t * width, width), (ulong)width)).ToArray();
            var roots = new Bytes32[trees];
            Merkle.MerkleizeMany(leaves, width, roots);
            Assert.Equal(expected, roots);
        }
    }

    [Fact]
    public void Sha256Pairs_AnyCountInPlace_MatchesSha256()
    {
        var random = new Random(13);
        for (var count = 0; count <= 41; count++)
        {
            var pairs = new byte[count * 64];
            random.NextBytes(pairs);
            var expected = Enumerable.Range(0, count).SelectMany(i => SHA256.HashData(pairs.AsSpan(i * 64, 64))).ToArray();
            Sha256Pairs.Hash(pairs, pairs.AsSpan(0, count * 32));
            Assert.Equal(expected, pairs.AsSpan(0, count * 32).ToArray());
        }
    }

    [Fact]
    public void Merkleize_MoreChunksThanLimit_Throws()
    {
        Assert.Throws<SszException>(() => Merkle.Merkleize(new byte[65], 2));
        Assert.Throws<SszException>(() => Merkle.Merkleize(new byte[32 * 40], 32));
    }

    [Fact]
    public void ZeroHash_EachDepth_IsHashOfTwoZeroHashesBelow()
    {
        Assert.Equal(Bytes32.Zero, Merkle.ZeroHash(0));
        for (var depth = 1; depth <= Merkle.MaxDepth; depth++)
        {
            Assert.Equal(Sha(Merkle.ZeroHash(depth - 1), Merkle.ZeroHash(depth - 1)), Merkle.ZeroHash(depth));
        }
    }

    [Fact]
    public void Merkleize_LargeLimit_EqualsSmallTreeLiftedWithZeroHashes()
    {
        var data = new byte[3 * 32];
        new Random(3).NextBytes(data);
        var root = Merkle.Merkleize(data, 4);
        for (var depth = 2; depth < 40; depth++)
        {
            root = Sha(root, Merkle.ZeroHash(depth));
        }

        Assert.Equal(root, Merkle.Merkleize(data, 1UL << 40));
    }

    [Fact]
    public void HashTreeRootOfUInt64List_RandomBalances_MatchesGenericListCodec()
    {
        var random = new Random(11);
        foreach (var count in new[] { 0, 1, 3, 4, 5, 100, 1000 })
        {
            var values = Enumerable.Range(0, count).Select(_ => (ulong)random.NextInt64()).ToArray();
            Assert.Equal(SszCodecs.List(SszCodecs.UInt64, 1L << 40).HashTreeRoot(values), Merkle.HashTreeRootOfUInt64List(values, 1UL << 40));
            if (count > 0)
            {
                Assert.Equal(SszCodecs.Vector(SszCodecs.UInt64, count).HashTreeRoot(values), Merkle.HashTreeRootOfUInt64Vector(values));
            }
        }
    }

    [Fact]
    public void MixInLength_Root_HashesRootWithLittleEndianLength()
    {
        var root = Bytes32.FromHex("0x" + new string('a', 64));
        var length = new byte[32];
        length[0] = 5;
        Assert.Equal(Sha(root, new Bytes32(length)), Merkle.MixInLength(root, 5));
    }

    private static Bytes32 Sha(Bytes32 left, Bytes32 right) =>
        new(SHA256.HashData([.. left.ToArray(), .. right.ToArray()]));

    private static Bytes32 NaiveMerkleize(byte[] data, ulong limit)
    {
        var width = 1;
        while ((ulong)width < limit)
        {
            width *= 2;
        }

        var layer = new Bytes32[width];
        for (var i = 0; i < data.Length / 32; i++)
        {
            layer[i] = new Bytes32(data.AsSpan(i * 32, 32));
        }

        while (layer.Length > 1)
        {
            layer = Enumerable.Range(0, layer.Length / 2).Select(i => Sha(layer[2 * i], layer[(2 * i) + 1])).ToArray();
        }

        return layer[0];
    }
}
