using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using NativeDvt.Sha2;

namespace NativeDvt.Crypto.Xmss;

/// <summary>
/// Word-sliced SHA-256 input pieces for the eight-lane XMSS hashes: vector j holds big-endian word j
/// of all lanes. Lengths and markers are the FIPS 180-4 padding, laid out by hand because every
/// XMSS input has a fixed length (96 or 128 bytes).
/// </summary>
internal static class SlicedBlocks
{
    /// <summary>Lanes per vector.</summary>
    public const int Lanes = 8;

    /// <summary>Words in an n = 32-byte value.</summary>
    public const int Words = XmssParameters.N / 4;

    /// <summary>Bit length of a 96-byte message (PRF, F).</summary>
    public const uint ThreeValuesInBits = 3 * XmssParameters.N * 8;

    /// <summary>Bit length of a 128-byte message (H, PRF_keygen).</summary>
    public const uint FourValuesInBits = 4 * XmssParameters.N * 8;

    // The 1 bit that follows the message.
    private const uint EndMarker = 0x80000000;

    /// <summary>toByte(domain, 32) || a 32-byte key, the same in every lane: one whole block.</summary>
    public static void DomainAndKey(Span<Vector256<uint>> block, uint domain, ReadOnlySpan<byte> key)
    {
        block[..Words].Clear();
        block[Words - 1] = Vector256.Create(domain);
        Broadcast(key, block[Words..]);
    }

    /// <summary>A 32-byte value, the same in every lane.</summary>
    public static void Broadcast(ReadOnlySpan<byte> value, Span<Vector256<uint>> words)
    {
        for (var j = 0; j < Words; j++)
        {
            words[j] = Vector256.Create(BinaryPrimitives.ReadUInt32BigEndian(value[(4 * j)..]));
        }
    }

    /// <summary>An RFC 8391 ADRS: layer and tree 0, then type, three type-specific words and keyAndMask.</summary>
    public static void Address(Span<Vector256<uint>> words, uint type, Vector256<uint> word4, Vector256<uint> word5, Vector256<uint> word6, uint keyAndMask)
    {
        words[..3].Clear();
        words[3] = Vector256.Create(type);
        words[4] = word4;
        words[5] = word5;
        words[6] = word6;
        words[7] = Vector256.Create(keyAndMask);
    }

    /// <summary>The last 32 bytes of a final block: end marker, zeros, 64-bit length in bits.</summary>
    public static void Padding(Span<Vector256<uint>> words, uint lengthInBits)
    {
        words[..Words].Clear();
        words[0] = Vector256.Create(EndMarker);
        words[Words - 1] = Vector256.Create(lengthInBits);
    }

    /// <summary>A block holding only padding, for a message that filled its last block.</summary>
    public static void PaddingBlock(Span<Vector256<uint>> block, uint lengthInBits)
    {
        block.Clear();
        block[0] = Vector256.Create(EndMarker);
        block[Sha256x8.BlockWords - 1] = Vector256.Create(lengthInBits);
    }

    /// <summary>One value per lane: lane i (below <paramref name="lanes"/>) from bytes[offset + stride i]; unused lanes are 0.</summary>
    public static void Load(ReadOnlySpan<byte> bytes, int lanes, int stride, int offset, Span<Vector256<uint>> words)
    {
        Span<uint> lane = stackalloc uint[Lanes];
        for (var j = 0; j < Words; j++)
        {
            lane.Clear();
            for (var i = 0; i < lanes; i++)
            {
                lane[i] = BinaryPrimitives.ReadUInt32BigEndian(bytes[(offset + (i * stride) + (4 * j))..]);
            }

            words[j] = Vector256.Create<uint>(lane);
        }
    }

    /// <summary>Writes lane i (below <paramref name="lanes"/>) to bytes[32 i .. 32 i + 32].</summary>
    public static void Store(ReadOnlySpan<Vector256<uint>> words, int lanes, Span<byte> bytes)
    {
        for (var j = 0; j < Words; j++)
        {
            for (var i = 0; i < lanes; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(bytes[((i * XmssParameters.N) + (4 * j))..], words[j].GetElement(i));
            }
        }
    }

    /// <summary>A vector of per-lane words; lanes at and above <paramref name="lanes"/> get 0.</summary>
    public static Vector256<uint> PerLane(ReadOnlySpan<uint> values, int lanes)
    {
        Span<uint> lane = stackalloc uint[Lanes];
        lane.Clear();
        values[..lanes].CopyTo(lane);
        return Vector256.Create<uint>(lane);
    }

    /// <summary>The vector (first, first + 1, ..., first + 7).</summary>
    public static Vector256<uint> Consecutive(uint first) => Vector256.Create(first) + Vector256.Create(0u, 1, 2, 3, 4, 5, 6, 7);
}
