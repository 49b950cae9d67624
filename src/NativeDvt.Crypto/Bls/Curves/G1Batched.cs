using System.Runtime.CompilerServices;
using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.Lanes;
using NativeDvt.Crypto.Bls.Native;

namespace NativeDvt.Crypto.Bls.Curves;

/// <summary>
/// The Jacobian doubling on G1 with its independent base-field products in two stages of three, each one
/// <see cref="FpProductBatch"/>: one pass of the AVX2 kernel (four lanes) costs less than three scalar products,
/// which speeds up the one-point subgroup check (a public key's), 126 doublings. With AVX-512 a pass of eight lanes
/// with three filled costs as much as the three scalar products, so this serves the AVX2 path only; and not where the
/// native base-field product runs (<see cref="FpNative"/>): three native products cost less than the pass (one-point
/// G1 subgroup check 92 -> 80 µs without the batches, KeyValidate 131 -> 116 µs).
/// </summary>
[SkipLocalsInit]
internal static unsafe class G1Batched
{
    /// <summary>Whether the batched doubling pays here.</summary>
    public static bool Pays => FpLanes.IsSupported && !Avx512Lanes.IsSupported && !FpNative.IsEnabled;

    /// <summary>dbl-2009-l: stage {X^2, Y^2, Y·Z}, stage {B^2, (X + B)^2, E^2} (E = 3X^2), then E·(D - X3) scalar.</summary>
    public static JacobianPoint<Fp> Double(in JacobianPoint<Fp> p)
    {
        const int capacity = 3;
        var buffer = stackalloc ulong[FpProductBatch.WordsFor(capacity)];
        var first = new FpProductBatch(buffer, capacity);
        var hA = first.Add(p.X, p.X);
        var hB = first.Add(p.Y, p.Y);
        var hYZ = first.Add(Fp.SumUnreduced(p.Y, p.Y), p.Z);
        first.Run();
        var a = first.Get(hA);
        var e = Fp.MulSmall(a, 3);
        var b = first.Get(hB);
        var z3 = first.Get(hYZ);

        var second = new FpProductBatch(buffer, capacity);
        var hC = second.Add(b, b);
        var xb = Fp.SumUnreduced(p.X, b);
        var hXB = second.Add(xb, xb);
        var hF = second.Add(e, e);
        second.Run();
        var c = second.Get(hC);
        var d = Fp.Double(Fp.SubSub(second.Get(hXB), a, c));
        var x3 = Fp.SubSub(second.Get(hF), d, d);
        var y3 = Fp.Sub(Fp.Mul(e, Fp.DifferencePlusP(d, x3)), Fp.MulSmall(c, 8));
        return new JacobianPoint<Fp>(x3, y3, z3);
    }
}
