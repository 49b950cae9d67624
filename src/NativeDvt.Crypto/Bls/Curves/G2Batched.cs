using System.Runtime.CompilerServices;
using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.Lanes;
using NativeDvt.Crypto.Bls.Native;

namespace NativeDvt.Crypto.Bls.Curves;

/// <summary>
/// G2 point formulas whose independent GF(p^2) products are grouped into stages, each stage one
/// <see cref="FpProductBatch"/> (eight base-field products per AVX-512 kernel call): the Jacobian
/// doubling of <see cref="JacobianPoint{T}.Double"/> and the complete addition and doubling of
/// <see cref="ProjectivePoint{T}"/>, same formulas and results. Stages with one product stay
/// scalar. Branch-free like the field code (the complete addition serves constant-time signing).
/// Only when <see cref="Pays"/>.
/// </summary>
[SkipLocalsInit]
internal static unsafe class G2Batched
{
    /// <summary>
    /// Whether the formulas take the batches: with the lanes, except on AVX2 where the native base-field product runs
    /// (<see cref="FpNative"/>): there the scalar formulas cost less (clear_cofactor 247-292 -> 228-232 µs, one-point
    /// G2 subgroup check 106-110 -> 101 µs, GLS multiplication 361-378 -> 360 µs; A/B in one sitting, load 23-31).
    /// </summary>
    public static bool Pays => FpLanes.PayForOneOperation;

    /// <summary>dbl-2009-l: stage {X^2, Y^2, Y·Z}, stage {B^2, (X + B)^2, E^2} (E = 3X^2), then E·(D - X3) scalar.</summary>
    public static JacobianPoint<Fp2> Double(in JacobianPoint<Fp2> p)
    {
        if (!Avx512Lanes.IsSupported)
        {
            return DoubleInPassesOfFour(p);
        }

        const int capacity = 8;
        var buffer = stackalloc ulong[FpProductBatch.WordsFor(capacity)];
        var first = new FpProductBatch(buffer, capacity);
        var hA = first.AddFp2Square(p.X);
        var hB = first.AddFp2Square(p.Y);
        var hYZ = first.AddFp2Product(p.Y, p.Z);
        first.Run();
        var a = first.GetFp2Square(hA);
        var e = Fp2.MulSmall(a, 3);
        var b = first.GetFp2Square(hB);
        var z3 = Fp2.Double(first.GetFp2Product(hYZ));

        var (c, d, x3) = SquaresStage(buffer, capacity, p.X, a, b, e);
        var y3 = Fp2.Sub(Fp2.Mul(e, Fp2.Sub(d, x3)), Fp2.MulSmall(c, 8));
        return new JacobianPoint<Fp2>(x3, y3, z3);
    }

    /// <summary>
    /// dbl-2009-l staged for four-lane (AVX2) passes: {X^2, Y^2} (one pass), {B^2, (X + B)^2, E^2} (two), then
    /// E·(D - X3) and Y·Z as fused products (one pass of sums) instead of a scalar product and Y·Z's three lanes.
    /// </summary>
    internal static JacobianPoint<Fp2> DoubleInPassesOfFour(in JacobianPoint<Fp2> p)
    {
        const int capacity = 6;
        var buffer = stackalloc ulong[FpProductBatch.WordsFor(capacity)];
        var first = new FpProductBatch(buffer, capacity);
        var hA = first.AddFp2Square(p.X);
        var hB = first.AddFp2Square(p.Y);
        first.Run();
        var a = first.GetFp2Square(hA);
        var e = Fp2.MulSmall(a, 3);
        var b = first.GetFp2Square(hB);

        var (c, d, x3) = SquaresStage(buffer, capacity, p.X, a, b, e);

        var third = new FpProductBatch(buffer, capacity);
        var hY = third.AddFp2ProductFused(e, Fp2.Sub(d, x3));
        var hYZ = third.AddFp2ProductFused(p.Y, p.Z);
        third.Run();
        var y3 = Fp2.Sub(third.GetFp2ProductFused(hY), Fp2.MulSmall(c, 8));
        var z3 = Fp2.Double(third.GetFp2ProductFused(hYZ));
        return new JacobianPoint<Fp2>(x3, y3, z3);
    }

    /// <summary>The doubling's stage {B^2, (X + B)^2, E^2}: C = B^2, D = 2((X + B)^2 - A - C), X3 = E^2 - 2D.</summary>
    private static (Fp2 C, Fp2 D, Fp2 X3) SquaresStage(ulong* buffer, int capacity, in Fp2 x, in Fp2 a, in Fp2 b, in Fp2 e)
    {
        var batch = new FpProductBatch(buffer, capacity);
        var hC = batch.AddFp2Square(b);
        var hXB = batch.AddFp2Square(Fp2.Add(x, b));
        var hF = batch.AddFp2Square(e);
        batch.Run();
        var c = batch.GetFp2Square(hC);
        var d = Fp2.Double(Fp2.Sub(Fp2.Sub(batch.GetFp2Square(hXB), a), c));
        return (c, d, Fp2.Sub(batch.GetFp2Square(hF), Fp2.Double(d)));
    }

    /// <summary>
    /// Renes-Costello-Batina algorithm 7 (a = 0): two stages of six GF(p^2) products, fused (two sums of
    /// two products each: twelve results, two kernel calls per stage).
    /// </summary>
    public static ProjectivePoint<Fp2> Add(in ProjectivePoint<Fp2> p, in ProjectivePoint<Fp2> q)
    {
        const int capacity = 6 * 2;
        var buffer = stackalloc ulong[FpProductBatch.WordsFor(capacity)];
        var first = new FpProductBatch(buffer, capacity);
        var h0 = first.AddFp2ProductFused(p.X, q.X);
        var h1 = first.AddFp2ProductFused(p.Y, q.Y);
        var h2 = first.AddFp2ProductFused(p.Z, q.Z);
        var h3 = first.AddFp2ProductFused(Fp2.Add(p.X, p.Y), Fp2.SumUnreduced(q.X, q.Y));
        var h4 = first.AddFp2ProductFused(Fp2.Add(p.Y, p.Z), Fp2.SumUnreduced(q.Y, q.Z));
        var h5 = first.AddFp2ProductFused(Fp2.Add(p.X, p.Z), Fp2.SumUnreduced(q.X, q.Z));
        first.Run();
        var t0 = first.GetFp2ProductFused(h0);
        var t1 = first.GetFp2ProductFused(h1);
        var t2 = first.GetFp2ProductFused(h2);
        var t3 = Fp2.Sub(first.GetFp2ProductFused(h3), Fp2.Add(t0, t1));
        var t4 = Fp2.Sub(first.GetFp2ProductFused(h4), Fp2.Add(t1, t2));
        var y3 = Fp2.MulByCurveB3(Fp2.Sub(first.GetFp2ProductFused(h5), Fp2.Add(t0, t2)));
        t0 = Fp2.MulSmall(t0, 3);
        t2 = Fp2.MulByCurveB3(t2);
        var z3 = Fp2.Add(t1, t2);
        t1 = Fp2.Sub(t1, t2);

        var second = new FpProductBatch(buffer, capacity);
        var g0 = second.AddFp2ProductFused(t4, y3);
        var g1 = second.AddFp2ProductFused(t3, t1);
        var g2 = second.AddFp2ProductFused(y3, t0);
        var g3 = second.AddFp2ProductFused(t1, z3);
        var g4 = second.AddFp2ProductFused(t0, t3);
        var g5 = second.AddFp2ProductFused(z3, t4);
        second.Run();
        return new ProjectivePoint<Fp2>(
            Fp2.Sub(second.GetFp2ProductFused(g1), second.GetFp2ProductFused(g0)),
            Fp2.Add(second.GetFp2ProductFused(g3), second.GetFp2ProductFused(g2)),
            Fp2.Add(second.GetFp2ProductFused(g5), second.GetFp2ProductFused(g4)));
    }

    /// <summary>
    /// Renes-Costello-Batina algorithm 9 (a = 0): stage {Y^2, Y·Z, Z^2, X·Y} and stage of four products,
    /// each eight lanes with the GF(p^2) products fused (two sums of two products each).
    /// </summary>
    public static ProjectivePoint<Fp2> Double(in ProjectivePoint<Fp2> p)
    {
        const int capacity = 8;
        var buffer = stackalloc ulong[FpProductBatch.WordsFor(capacity)];
        var first = new FpProductBatch(buffer, capacity);
        var hYY = first.AddFp2Square(p.Y);
        var hYZ = first.AddFp2ProductFused(p.Y, p.Z);
        var hZZ = first.AddFp2Square(p.Z);
        var hXY = first.AddFp2ProductFused(p.X, p.Y);
        first.Run();
        var t0 = first.GetFp2Square(hYY);
        var t1 = first.GetFp2ProductFused(hYZ);
        var t2 = Fp2.MulByCurveB3(first.GetFp2Square(hZZ));
        var xy = first.GetFp2ProductFused(hXY);
        var z3 = Fp2.MulSmall(t0, 8);
        var y3 = Fp2.Add(t0, t2);
        t0 = Fp2.Sub(t0, Fp2.MulSmall(t2, 3));

        var second = new FpProductBatch(buffer, capacity);
        var g0 = second.AddFp2ProductFused(t2, z3);
        var g1 = second.AddFp2ProductFused(t1, z3);
        var g2 = second.AddFp2ProductFused(t0, y3);
        var g3 = second.AddFp2ProductFused(t0, xy);
        second.Run();
        return new ProjectivePoint<Fp2>(
            Fp2.Double(second.GetFp2ProductFused(g3)),
            Fp2.Add(second.GetFp2ProductFused(g0), second.GetFp2ProductFused(g2)),
            second.GetFp2ProductFused(g1));
    }
}
