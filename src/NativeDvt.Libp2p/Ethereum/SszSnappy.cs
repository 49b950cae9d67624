using Snappier;

namespace NativeDvt.Libp2p.Ethereum;

/// <summary>
/// The <c>ssz_snappy</c> gossip encoding: the SSZ bytes compressed as one snappy block (not the framed
/// format that req/resp uses). Decompression checks the declared length against the limit before
/// allocating or decompressing anything.
/// </summary>
public static class SszSnappy
{
    public static byte[] Compress(ReadOnlySpan<byte> ssz) => Snappy.CompressToArray(ssz);

    /// <summary>Decompresses a gossip payload, refusing blocks that declare more than <paramref name="maxUncompressed"/> bytes.</summary>
    public static byte[] Decompress(ReadOnlySpan<byte> block, int maxUncompressed = EthereumGossipLimits.GossipMaxSize)
    {
        if (block.Length > EthereumGossipLimits.MaxCompressedLength(maxUncompressed))
        {
            throw new SszSnappyException($"ssz_snappy: compressed payload of {block.Length} bytes exceeds the limit for {maxUncompressed} uncompressed bytes");
        }

        int declared;
        try
        {
            declared = Snappy.GetUncompressedLength(block);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            throw new SszSnappyException("ssz_snappy: the snappy block's uncompressed length header is malformed", e);
        }

        if (declared < 0 || declared > maxUncompressed)
        {
            throw new SszSnappyException($"ssz_snappy: declared uncompressed length {declared} exceeds the maximum of {maxUncompressed}");
        }

        var output = new byte[declared];
        try
        {
            var written = Snappy.Decompress(block, output);
            if (written != declared)
            {
                throw new SszSnappyException($"ssz_snappy: block decompressed to {written} bytes, header declared {declared}");
            }
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            throw new SszSnappyException("ssz_snappy: the snappy block is corrupt", e);
        }

        return output;
    }
}
