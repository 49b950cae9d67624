using System.Runtime.CompilerServices;
using NativeDvt.Crypto.Bls.Curves;
using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.Pairings;

namespace NativeDvt.Crypto.Bls.Lanes;

/// <summary>
/// The Miller loop's doubling steps of several pairs at once: the GF(p^2) products and squares of
/// up to <see cref="PointsPerBatch"/> steps are grouped into two <see cref="FpProductBatch"/> stages
/// (eight base-field products per AVX-512 kernel call). Same formulas and results as
/// <see cref="Pairing.DoublingStep"/>. Only when <see cref="FpLanes.IsSupported"/>.
/// </summary>
[SkipLocalsInit]
internal static unsafe class MillerDoublingLanes
{
    /// <summary>Steps per batch: ten results per step in the first stage, twelve in the second.</summary>
    public const int PointsPerBatch = 5;

    /// <summary>T_k = 2T_k for every k, with the tangent line at T_k evaluated at P_k into lines[3k..3k+2] (l0, l1, l4).</summary>
    public static void Steps(Span<ProjectivePoint<Fp2>> ts, ReadOnlySpan<AffinePoint<Fp>> ps, Span<Fp2> lines)
    {
        for (var start = 0; start < ts.Length; start += PointsPerBatch)
        {
            var count = Math.Min(PointsPerBatch, ts.Length - start);
            StepBatch(ts.Slice(start, count), ps.Slice(start, count), lines.Slice(3 * start, 3 * count));
        }
    }

    private static void StepBatch(Span<ProjectivePoint<Fp2>> ts, ReadOnlySpan<AffinePoint<Fp>> ps, Span<Fp2> lines)
    {
        const int capacity = PointsPerBatch * 12;
        var buffer = stackalloc ulong[FpProductBatch.WordsFor(capacity)];
        var first = new FpProductBatch(buffer, capacity);
        for (var k = 0; k < ts.Length; k++)
        {
            var t = ts[k];
            first.AddFp2ProductFused(t.X, t.Y);
            first.AddFp2Square(t.Y);
            first.AddFp2Square(t.Z);
            first.AddFp2Square(Fp2.Add(t.Y, t.Z));
            first.AddFp2Square(t.X);
        }

        first.Run();

        // The second stage is filled while the first one's results are read: a buffer of its own.
        var secondBuffer = stackalloc ulong[FpProductBatch.WordsFor(capacity)];
        var second = new FpProductBatch(secondBuffer, capacity);
        for (var k = 0; k < ts.Length; k++)
        {
            var index = 10 * k;
            var xy = first.GetFp2ProductFused(index);
            var b = first.GetFp2Square(index + 2);
            var c = first.GetFp2Square(index + 4);
            var s = first.GetFp2Square(index + 6);
            var x2 = first.GetFp2Square(index + 8);
            var a = new Fp2(Fp.Half(xy.C0), Fp.Half(xy.C1));
            var e = Fp2.MulByCurveB3(c);
            var f = Fp2.MulSmall(e, 3);
            var bf = Fp2.Add(b, f);
            var g = new Fp2(Fp.Half(bf.C0), Fp.Half(bf.C1));
            var h = Fp2.Sub(s, Fp2.Add(b, c));
            lines[3 * k] = Fp2.Sub(e, b);
            var x23 = Fp2.MulSmall(x2, 3);
            var negH = Fp2.Neg(h);
            second.AddFp2Square(e);
            second.AddFp2ProductFused(a, Fp2.Sub(b, f));
            second.AddFp2ProductFused(b, h);
            second.AddFp2Square(g);
            second.Add(x23.C0, ps[k].X);
            second.Add(x23.C1, ps[k].X);
            second.Add(negH.C0, ps[k].Y);
            second.Add(negH.C1, ps[k].Y);
        }

        second.Run();
        for (var k = 0; k < ts.Length; k++)
        {
            var index = 12 * k;
            var e2 = second.GetFp2Square(index);
            var x3 = second.GetFp2ProductFused(index + 2);
            var z3 = second.GetFp2ProductFused(index + 4);
            var y3 = Fp2.Sub(second.GetFp2Square(index + 6), Fp2.MulSmall(e2, 3));
            lines[(3 * k) + 1] = new Fp2(second.Get(index + 8), second.Get(index + 9));
            lines[(3 * k) + 2] = new Fp2(second.Get(index + 10), second.Get(index + 11));
            ts[k] = new ProjectivePoint<Fp2>(x3, y3, z3);
        }
    }
}
