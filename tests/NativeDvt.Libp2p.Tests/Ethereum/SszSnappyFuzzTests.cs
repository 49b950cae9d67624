using NativeDvt.Libp2p.Ethereum;

namespace NativeDvt.Libp2p.Tests.Ethereum;

[Trait("Category", "Fuzz")]
public sealed class SszSnappyFuzzTests
{
    [Fact]
    public void Decompress_MutatedBlocks_OnlyEverThrowSszSnappyException()
    {
        var random = new Random(5);
        var source = Enumerable.Range(0, 4000).Select(i => (byte)(i % 13 == 0 ? random.Next(256) : i % 7)).ToArray();
        var valid = SszSnappy.Compress(source);

        // A decompressor that threw SszSnappyException on everything would pass the mutations.
        Assert.Equal(source, SszSnappy.Decompress(valid, maxUncompressed: 8192));
        for (var i = 0; i < 5000; i++)
        {
            var block = (byte[])valid.Clone();
            for (var flips = random.Next(1, 5); flips > 0; flips--)
            {
                block[random.Next(block.Length)] = (byte)random.Next(256);
            }

            try
            {
                SszSnappy.Decompress(block.AsSpan(0, random.Next(1, block.Length + 1)), maxUncompressed: 8192);
            }
            catch (SszSnappyException)
            {
            }
        }
    }
}
