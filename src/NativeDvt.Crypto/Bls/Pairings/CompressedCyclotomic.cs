using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.Lanes;

namespace NativeDvt.Crypto.Bls.Pairings;

/// <summary>
/// Exponentiation by |z| in the cyclotomic subgroup with Karabina's compressed squarings: an element
/// g0 + g1·w^3 + g2·w + g3·w^4 + g4·w^2 + g5·w^5 is squared through (g2, g3, g4, g5) alone (six
/// GF(p^2) squarings instead of nine), and the powers a^(2^e) for the set bits e of |z| are
/// decompressed together, sharing one inversion. For public values only (variable time).
/// </summary>
internal static class CompressedCyclotomic
{
    // The set bits of |z| = 0xd201000000010000, lowest first.
    private static ReadOnlySpan<int> Bits => [16, 48, 57, 60, 62, 63];

    /// <summary>a^|z| for a in the cyclotomic subgroup.</summary>
    public static Fp12 ExpByAbsZ(in Fp12 a)
    {
        var bits = Bits;
        Span<Fp2> powers = stackalloc Fp2[4 * 6];
        var g2 = a.C1.C0;
        var g3 = a.C0.C2;
        var g4 = a.C0.C1;
        var g5 = a.C1.C2;
        var e = 0;
        for (var k = 0; k < bits.Length; k++)
        {
            for (; e < bits[k]; e++)
            {
                Square(ref g2, ref g3, ref g4, ref g5);
            }

            powers[4 * k] = g2;
            powers[(4 * k) + 1] = g3;
            powers[(4 * k) + 2] = g4;
            powers[(4 * k) + 3] = g5;
        }

        // g1 = (ξ g5^2 + 3 g4^2 - 2 g3) / (4 g2), or 2 g4 g5 / g3 when g2 = 0.
        Span<Fp2> numerators = stackalloc Fp2[6];
        Span<Fp2> denominators = stackalloc Fp2[6];
        for (var k = 0; k < bits.Length; k++)
        {
            var p = powers.Slice(4 * k, 4);
            if (!p[0].IsZero)
            {
                var s5 = Fp2.MulByNonResidue(Fp2.Square(p[3]));
                numerators[k] = Fp12.TripleMinusDouble(Fp2.Square(p[2]), p[1]);
                numerators[k] = Fp2.Add(numerators[k], s5);
                denominators[k] = Fp2.Double(Fp2.Double(p[0]));
            }
            else
            {
                numerators[k] = Fp2.Double(Fp2.Mul(p[2], p[3]));
                denominators[k] = p[1];
            }

            if (denominators[k].IsZero)
            {
                return Fp12.CyclotomicExpByAbsZ(a);
            }
        }

        BatchInvert(denominators);
        var result = Fp12.One;
        for (var k = 0; k < bits.Length; k++)
        {
            var p = powers.Slice(4 * k, 4);
            var g1 = Fp2.Mul(numerators[k], denominators[k]);
            // g0 = ξ(2 g1^2 + g2 g5 - 3 g3 g4) + 1
            var inner = Fp2.Sub(Fp2.Add(Fp2.Double(Fp2.Square(g1)), Fp2.Mul(p[0], p[3])), Fp2.MulSmall(Fp2.Mul(p[1], p[2]), 3));
            var g0 = Fp2.Add(Fp2.MulByNonResidue(inner), Fp2.One);
            var full = new Fp12(new Fp6(g0, p[2], p[1]), new Fp6(p[0], g1, p[3]));
            result = k == 0 ? full : Fp12.Mul(result, full);
        }

        return result;
    }

    /// <summary>The compressed squaring, batched across lanes where that pays.</summary>
    internal static void Square(ref Fp2 g2, ref Fp2 g3, ref Fp2 g4, ref Fp2 g5)
    {
        if (FpLanes.PayForOneOperation)
        {
            Fp12Lanes.CompressedSquare(ref g2, ref g3, ref g4, ref g5);
        }
        else
        {
            SquareScalar(ref g2, ref g3, ref g4, ref g5);
        }
    }

    /// <summary>The compressed squaring: the g2..g5 half of the Granger-Scott formulas (the scalar path).</summary>
    internal static void SquareScalar(ref Fp2 g2, ref Fp2 g3, ref Fp2 g4, ref Fp2 g5)
    {
        Fp12.Fp4Square(g2, g3, out var t0, out var t1);
        Fp12.Fp4Square(g4, g5, out var t2, out var t3);
        g4 = Fp12.TripleMinusDouble(t0, g4);
        g5 = Fp12.TriplePlusDouble(t1, g5);
        g2 = Fp12.TriplePlusDouble(Fp2.MulByNonResidue(t3), g2);
        g3 = Fp12.TripleMinusDouble(t2, g3);
    }

    /// <summary>Montgomery's trick: every element inverted with one inversion (none may be zero).</summary>
    private static void BatchInvert(Span<Fp2> values)
    {
        Span<Fp2> prefix = stackalloc Fp2[values.Length];
        var running = Fp2.One;
        for (var i = 0; i < values.Length; i++)
        {
            prefix[i] = running;
            running = Fp2.Mul(running, values[i]);
        }

        var inverse = Fp2.InverseVartime(running);
        for (var i = values.Length - 1; i >= 0; i--)
        {
            var value = values[i];
            values[i] = Fp2.Mul(inverse, prefix[i]);
            inverse = Fp2.Mul(inverse, value);
        }
    }
}
