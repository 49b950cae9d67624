using System.Buffers;

namespace NativeDvt.Ssz.Codecs;

/// <summary>Bit packing shared by bitvectors and bitlists: bit i is bit (i mod 8) of byte (i / 8).</summary>
internal static class Bits
{
    private const int StackLimit = 256;

    public static void Pack(ReadOnlySpan<bool> bits, Span<byte> destination)
    {
        destination[..((bits.Length + 7) / 8)].Clear();
        for (var i = 0; i < bits.Length; i++)
        {
            if (bits[i])
            {
                destination[i >> 3] |= (byte)(1 << (i & 7));
            }
        }
    }

    public static bool[] Unpack(ReadOnlySpan<byte> packed, int count)
    {
        var bits = new bool[count];
        for (var i = 0; i < count; i++)
        {
            bits[i] = (packed[i >> 3] & (1 << (i & 7))) != 0;
        }

        return bits;
    }

    /// <summary>merkleize(pack_bits(bits), limit chunks).</summary>
    public static Bytes32 Merkleize(ReadOnlySpan<bool> bits, ulong limitChunks)
    {
        var size = (bits.Length + 7) / 8;
        byte[]? rented = null;
        var packed = size <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            Pack(bits, packed);
            return Merkle.Merkleize(packed[..size], limitChunks);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
