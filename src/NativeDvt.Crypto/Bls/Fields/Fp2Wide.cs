using System.Runtime.CompilerServices;

namespace NativeDvt.Crypto.Bls.Fields;

/// <summary>An unreduced GF(p^2) product: two <see cref="FpWide"/> halves, reduced together by <see cref="Reduce"/>.</summary>
internal readonly struct Fp2Wide
{
    public readonly FpWide C0;
    public readonly FpWide C1;

    public Fp2Wide(in FpWide c0, in FpWide c1)
    {
        C0 = c0;
        C1 = c1;
    }

    /// <summary>
    /// Karatsuba: a0 b0 - a1 b1 and (a0 + a1)(b0 + b1) - a0 b0 - a1 b1, three base-field products and
    /// no reduction. Components may be unreduced sums (below 2^390, limbs below 2^56).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2Wide Mul(in Fp2 a, in Fp2 b)
    {
        var t0 = FpWide.Mul(a.C0, b.C0);
        var t1 = FpWide.Mul(a.C1, b.C1);
        var t2 = FpWide.Mul(Fp.SumUnreduced(a.C0, a.C1), Fp.SumUnreduced(b.C0, b.C1));
        return new Fp2Wide(FpWide.Sub(t0, t1), FpWide.Sub(FpWide.Sub(t2, t0), t1));
    }

    /// <summary>(a0 + a1)(a0 - a1) + 2 a0 a1 u: two base-field products for a canonical a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2Wide Square(in Fp2 a)
    {
        var c0 = FpWide.Mul(Fp.SumUnreduced(a.C0, a.C1), Fp.DifferencePlusP(a.C0, a.C1));
        var c1 = FpWide.Mul(a.C0, a.C1);
        return new Fp2Wide(c0, FpWide.Double(c1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2Wide Add(in Fp2Wide a, in Fp2Wide b) => new(FpWide.Add(a.C0, b.C0), FpWide.Add(a.C1, b.C1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2Wide Sub(in Fp2Wide a, in Fp2Wide b) => new(FpWide.Sub(a.C0, b.C0), FpWide.Sub(a.C1, b.C1));

    /// <summary>Multiplies by ξ = 1 + u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2Wide MulByNonResidue(in Fp2Wide a) => new(FpWide.Sub(a.C0, a.C1), FpWide.Add(a.C0, a.C1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2 Reduce() => new(Fp.Reduce(C0), Fp.Reduce(C1));
}
