using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace NativeDvt.Crypto.Bls.Fields;

internal readonly partial struct Fp
{
    // p in 64-bit limbs, low to high, for range checks on decoded values.
    private const ulong P64L0 = 0xB9FEFFFFFFFFAAAB;
    private const ulong P64L1 = 0x1EABFFFEB153FFFF;
    private const ulong P64L2 = 0x6730D2A0F6B0F624;
    private const ulong P64L3 = 0x64774B84F38512BF;
    private const ulong P64L4 = 0x4B1BA7B6434BACD7;
    private const ulong P64L5 = 0x1A0111EA397FE69A;

    /// <summary>Enters Montgomery form from a canonical value below p given as 64-bit limbs.</summary>
    public static Fp FromCanonical(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5) => Mul(FromLimbs64(l0, l1, l2, l3, l4, l5), R2);

    public static Fp FromUInt64(ulong value) => FromCanonical(value, 0, 0, 0, 0, 0);

    /// <summary>Regroups a value below p given as six 64-bit limbs into seven 56-bit limbs (no change of form).</summary>
    internal static Fp FromLimbs64(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5) => new(
        l0 & Mask,
        ((l0 >> 56) | (l1 << 8)) & Mask,
        ((l1 >> 48) | (l2 << 16)) & Mask,
        ((l2 >> 40) | (l3 << 24)) & Mask,
        ((l3 >> 32) | (l4 << 32)) & Mask,
        ((l4 >> 24) | (l5 << 40)) & Mask,
        l5 >> 16);

    /// <summary>The stored (Montgomery-form) value as six 64-bit limbs, low first.</summary>
    internal void ToLimbs64(Span<ulong> limbs)
    {
        limbs[0] = L0 | (L1 << 56);
        limbs[1] = (L1 >> 8) | (L2 << 48);
        limbs[2] = (L2 >> 16) | (L3 << 40);
        limbs[3] = (L3 >> 24) | (L4 << 32);
        limbs[4] = (L4 >> 32) | (L5 << 24);
        limbs[5] = (L5 >> 40) | (L6 << 16);
    }

    /// <summary>Parses a 48-byte big-endian value; false when it is not below p (non-canonical).</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, out Fp value)
    {
        var l5 = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        var l4 = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        var l3 = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        var l2 = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
        var l1 = BinaryPrimitives.ReadUInt64BigEndian(bytes[32..]);
        var l0 = BinaryPrimitives.ReadUInt64BigEndian(bytes[40..]);
        ulong borrow = 0;
        SubB(l0, P64L0, ref borrow);
        SubB(l1, P64L1, ref borrow);
        SubB(l2, P64L2, ref borrow);
        SubB(l3, P64L3, ref borrow);
        SubB(l4, P64L4, ref borrow);
        SubB(l5, P64L5, ref borrow);
        if (borrow == 0)
        {
            value = default;
            return false;
        }

        value = FromCanonical(l0, l1, l2, l3, l4, l5);
        return true;
    }

    /// <summary>Reduces a 64-byte big-endian value modulo p (hash_to_field's OS2IP then mod p).</summary>
    public static Fp FromWideBytes(ReadOnlySpan<byte> bytes)
    {
        // value = high·2^256 + low with both halves below 2^256 < p.
        var high = FromCanonical(
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            0,
            0);
        var low = FromCanonical(
            BinaryPrimitives.ReadUInt64BigEndian(bytes[56..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[48..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[40..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[32..]),
            0,
            0);
        return Add(Mul(high, TwoTo256), low);
    }

    // 2^256 mod p in Montgomery form.
    private static readonly Fp TwoTo256 = FromCanonical(0, 0, 0, 0, 1, 0);

    /// <summary>Writes the canonical 48-byte big-endian encoding.</summary>
    public void WriteBytes(Span<byte> destination)
    {
        Span<ulong> c = stackalloc ulong[6];
        Mul(this, RawOne).ToLimbs64(c);
        BinaryPrimitives.WriteUInt64BigEndian(destination, c[5]);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], c[4]);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], c[3]);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], c[2]);
        BinaryPrimitives.WriteUInt64BigEndian(destination[32..], c[1]);
        BinaryPrimitives.WriteUInt64BigEndian(destination[40..], c[0]);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[ByteLength];
        WriteBytes(bytes);
        return bytes;
    }

    /// <summary>RFC 9380 sgn0: the parity of the canonical value.</summary>
    public bool Sgn0 => (Mul(this, RawOne).L0 & 1) != 0;

    /// <summary>True iff the canonical value exceeds (p-1)/2 (the ZCash "largest y" flag).</summary>
    public bool IsLexicographicallyLargest
    {
        get
        {
            Span<ulong> c = stackalloc ulong[6];
            Mul(this, RawOne).ToLimbs64(c);
            ulong borrow = 0;
            SubB(LegendreExponent[0], c[0], ref borrow);
            SubB(LegendreExponent[1], c[1], ref borrow);
            SubB(LegendreExponent[2], c[2], ref borrow);
            SubB(LegendreExponent[3], c[3], ref borrow);
            SubB(LegendreExponent[4], c[4], ref borrow);
            SubB(LegendreExponent[5], c[5], ref borrow);
            return borrow != 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SubB(ulong a, ulong b, ref ulong borrow)
    {
        var diff = a - b;
        var borrowOut = a < b ? 1UL : 0UL;
        var result = diff - borrow;
        borrow = borrowOut | (diff < borrow ? 1UL : 0UL);
        return result;
    }
}
