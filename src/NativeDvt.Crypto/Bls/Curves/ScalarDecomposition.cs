using System.Buffers.Binary;
using NativeDvt.Crypto.Bls.Pairings;

namespace NativeDvt.Crypto.Bls.Curves;

/// <summary>
/// Writes a secret scalar k &lt; r in base |z| (z the BLS parameter): k = d0 + d1|z| + d2|z|^2 + d3|z|^3
/// with every digit below 2^64, since r &lt; |z|^4. On G2, ψ acts as [z] = -[|z|], so [k]Q becomes
/// a four-way sum of 64-bit multiples of Q, -ψ(Q), ψ^2(Q), -ψ^3(Q) (GLS). The divisions are
/// bit-serial with masks, so the time does not depend on k.
/// </summary>
internal static class ScalarDecomposition
{
    public static void ToBaseAbsZ(ReadOnlySpan<byte> scalarBigEndian, Span<ulong> digits)
    {
        Span<ulong> k = stackalloc ulong[4];
        for (var i = 0; i < 4; i++)
        {
            k[i] = BinaryPrimitives.ReadUInt64BigEndian(scalarBigEndian[((3 - i) * 8)..]);
        }

        Span<ulong> quotient = stackalloc ulong[4];
        for (var d = 0; d < 3; d++)
        {
            digits[d] = DivRem(k, quotient);
            quotient.CopyTo(k);
        }

        digits[3] = k[0];
    }

    /// <summary>quotient = k / |z|; returns k mod |z|. Restoring division, one masked trial subtraction per bit.</summary>
    private static ulong DivRem(ReadOnlySpan<ulong> k, Span<ulong> quotient)
    {
        quotient.Clear();
        ulong remLo = 0;
        ulong remHi = 0;
        for (var bit = 255; bit >= 0; bit--)
        {
            remHi = remLo >> 63;
            remLo = (remLo << 1) | ((k[bit >> 6] >> (bit & 63)) & 1);
            var diffLo = remLo - Pairing.AbsZ;
            var borrow = (((~remLo) & Pairing.AbsZ) | ((~(remLo ^ Pairing.AbsZ)) & diffLo)) >> 63;
            var diffHi = remHi - borrow;
            var take = 0UL - (1 ^ (diffHi >> 63));
            remLo = (diffLo & take) | (remLo & ~take);
            quotient[bit >> 6] |= (take & 1) << (bit & 63);
        }

        return remLo;
    }
}
