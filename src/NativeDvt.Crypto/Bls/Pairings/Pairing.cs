using NativeDvt.Crypto.Bls.Curves;
using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.Lanes;

namespace NativeDvt.Crypto.Bls.Pairings;

/// <summary>
/// The optimal ate pairing e: G1 × G2 → GT: a multi-Miller loop over |z| sharing one squaring
/// per step across all pairs, with lines evaluated in homogeneous projective coordinates on the
/// twist, and one final exponentiation for the whole product.
/// </summary>
internal static class Pairing
{
    /// <summary>|z| for the BLS parameter z = -0xd201000000010000 that defines BLS12-381.</summary>
    public const ulong AbsZ = 0xd201000000010000;

    /// <summary>The product of e(P_i, Q_i), before the final exponentiation. Pairs with an infinity point contribute 1.</summary>
    public static Fp12 MillerLoop(ReadOnlySpan<AffinePoint<Fp>> ps, ReadOnlySpan<AffinePoint<Fp2>> qs)
    {
        var count = 0;
        var indices = new int[ps.Length];
        for (var i = 0; i < ps.Length; i++)
        {
            if (!ps[i].IsInfinity && !qs[i].IsInfinity)
            {
                indices[count++] = i;
            }
        }

        var ts = new ProjectivePoint<Fp2>[count];
        var points = new AffinePoint<Fp>[count];
        var lines = new Fp2[3 * count];
        for (var k = 0; k < count; k++)
        {
            ts[k] = ProjectivePoint<Fp2>.FromAffine(qs[indices[k]]);
            points[k] = ps[indices[k]];
        }

        var f = Fp12.One;
        for (var bit = 62; bit >= 0; bit--)
        {
            if (bit != 62)
            {
                f = Fp12.Square(f);
            }

            if (FpLanes.IsSupported)
            {
                MillerDoublingLanes.Steps(ts, points, lines);
                MulByLines(ref f, lines);
            }
            else
            {
                for (var k = 0; k < count; k++)
                {
                    ts[k] = DoublingStep(ts[k], points[k], out var l0, out var l1, out var l4);
                    f = Fp12.MulByLine(f, l0, l1, l4);
                }
            }

            if (((AbsZ >> bit) & 1) != 0)
            {
                for (var k = 0; k < count; k++)
                {
                    ref readonly var p = ref ps[indices[k]];
                    ts[k] = AdditionStep(ts[k], qs[indices[k]], p, out var l0, out var l1, out var l4);
                    f = Fp12.MulByLine(f, l0, l1, l4);
                }
            }
        }

        // z is negative: f_{z,Q} = 1/f_{|z|,Q}, and up to the final exponentiation the inverse is the conjugate.
        return Fp12.Conjugate(f);
    }

    /// <summary>
    /// f times every line (l0, l1, l4 in turn), in lanes: lines two at a time multiplied together, then
    /// into f (a full product), which costs less than two sparse line products; an odd last line alone.
    /// </summary>
    private static void MulByLines(ref Fp12 f, ReadOnlySpan<Fp2> lines)
    {
        var k = 0;
        for (; k + 6 <= lines.Length; k += 6)
        {
            f = Fp12.Mul(f, Fp12Lanes.LineProduct(lines[k], lines[k + 1], lines[k + 2], lines[k + 3], lines[k + 4], lines[k + 5]));
        }

        if (k < lines.Length)
        {
            f = Fp12.MulByLine(f, lines[k], lines[k + 1], lines[k + 2]);
        }
    }

    /// <summary>
    /// f^((p^12 - 1)/r)·3: the easy part (p^6 - 1)(p^2 + 1), then the hard part through
    /// 3(p^4 - p^2 + 1)/r = (z - 1)^2 (z + p)(z^2 + p^2 - 1) + 3 (Hayashida-Hayasaka-Teruya),
    /// whose extra factor 3 is coprime to r and so keeps the pairing bilinear and non-degenerate.
    /// </summary>
    public static Fp12 FinalExponentiation(in Fp12 f)
    {
        var t = Fp12.Mul(Fp12.Conjugate(f), Fp12.InverseVartime(f));
        var m = Fp12.Mul(Fp12.Frobenius(Fp12.Frobenius(t)), t);

        var y0 = Fp12.Mul(ExpByZ(m), Fp12.Conjugate(m));
        var y1 = Fp12.Mul(ExpByZ(y0), Fp12.Conjugate(y0));
        var y2 = Fp12.Mul(ExpByZ(y1), Fp12.Frobenius(y1));
        var y3 = Fp12.Mul(Fp12.Mul(ExpByZ(ExpByZ(y2)), Fp12.Frobenius(Fp12.Frobenius(y2))), Fp12.Conjugate(y2));
        var m3 = Fp12.Mul(Fp12.CyclotomicSquare(m), m);
        return Fp12.Mul(y3, m3);
    }

    /// <summary>e(P, Q) (cubed, see <see cref="FinalExponentiation"/>).</summary>
    public static Fp12 Pair(in AffinePoint<Fp> p, in AffinePoint<Fp2> q) => FinalExponentiation(MillerLoop([p], [q]));

    /// <summary>True iff the product of e(P_i, Q_i) is 1.</summary>
    public static bool IsProductOne(ReadOnlySpan<AffinePoint<Fp>> ps, ReadOnlySpan<AffinePoint<Fp2>> qs) =>
        FinalExponentiation(MillerLoop(ps, qs)).IsOne;

    /// <summary>a^z in the cyclotomic subgroup (z negative, so the conjugate of a^|z|).</summary>
    private static Fp12 ExpByZ(in Fp12 a) => Fp12.Conjugate(CompressedCyclotomic.ExpByAbsZ(a));

    /// <summary>
    /// T = 2T with the tangent line at T evaluated at P (Costello-Lange-Naehrig): the line is
    /// (3b'Z^2 - Y^2) + 3X^2·xP·v - 2YZ·yP·v·w, a GF(p^2) multiple of the true line value.
    /// </summary>
    internal static ProjectivePoint<Fp2> DoublingStep(in ProjectivePoint<Fp2> t, in AffinePoint<Fp> p, out Fp2 l0, out Fp2 l1, out Fp2 l4)
    {
        var xy = Fp2.Mul(t.X, t.Y);
        var a = new Fp2(Fp.Half(xy.C0), Fp.Half(xy.C1));
        var b = Fp2.Square(t.Y);
        var c = Fp2.Square(t.Z);
        var e = Fp2.MulByCurveB3(c);
        var f = Fp2.MulSmall(e, 3);
        var bf = Fp2.Add(b, f);
        var g = new Fp2(Fp.Half(bf.C0), Fp.Half(bf.C1));
        var h = Fp2.Sub(Fp2.Square(Fp2.Add(t.Y, t.Z)), Fp2.Add(b, c));
        var x2 = Fp2.Square(t.X);
        var e2 = Fp2.Square(e);

        l0 = Fp2.Sub(e, b);
        l1 = Fp2.MulByFp(Fp2.MulSmall(x2, 3), p.X);
        l4 = Fp2.MulByFp(Fp2.Neg(h), p.Y);

        var x3 = Fp2.Mul(a, Fp2.Sub(b, f));
        var y3 = Fp2.Sub(Fp2.Square(g), Fp2.MulSmall(e2, 3));
        var z3 = Fp2.Mul(b, h);
        return new ProjectivePoint<Fp2>(x3, y3, z3);
    }

    /// <summary>
    /// T = T + Q (Q affine) with the chord through T and Q evaluated at P: with θ = Y - y_Q Z and
    /// λ = X - x_Q Z the line is (θ x_Q - λ y_Q) - θ·xP·v + λ·yP·v·w.
    /// </summary>
    private static ProjectivePoint<Fp2> AdditionStep(in ProjectivePoint<Fp2> t, in AffinePoint<Fp2> q, in AffinePoint<Fp> p, out Fp2 l0, out Fp2 l1, out Fp2 l4)
    {
        var theta = Fp2.Sub(t.Y, Fp2.Mul(q.Y, t.Z));
        var lambda = Fp2.Sub(t.X, Fp2.Mul(q.X, t.Z));

        l0 = Fp2.Sub(Fp2.Mul(theta, q.X), Fp2.Mul(lambda, q.Y));
        l1 = Fp2.MulByFp(Fp2.Neg(theta), p.X);
        l4 = Fp2.MulByFp(lambda, p.Y);

        var c = Fp2.Square(theta);
        var d = Fp2.Square(lambda);
        var e = Fp2.Mul(lambda, d);
        var f = Fp2.Mul(t.Z, c);
        var g = Fp2.Mul(t.X, d);
        var h = Fp2.Sub(Fp2.Add(e, f), Fp2.Double(g));
        var x3 = Fp2.Mul(lambda, h);
        var y3 = Fp2.Sub(Fp2.Mul(theta, Fp2.Sub(g, h)), Fp2.Mul(t.Y, e));
        var z3 = Fp2.Mul(t.Z, e);
        return new ProjectivePoint<Fp2>(x3, y3, z3);
    }
}
