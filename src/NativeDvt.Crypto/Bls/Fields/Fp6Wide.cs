using System.Runtime.CompilerServices;

namespace NativeDvt.Crypto.Bls.Fields;

/// <summary>An unreduced GF(p^6) value: three <see cref="Fp2Wide"/> coefficients, reduced together by <see cref="Reduce"/>.</summary>
internal readonly struct Fp6Wide
{
    public readonly Fp2Wide C0;
    public readonly Fp2Wide C1;
    public readonly Fp2Wide C2;

    public Fp6Wide(in Fp2Wide c0, in Fp2Wide c1, in Fp2Wide c2)
    {
        C0 = c0;
        C1 = c1;
        C2 = c2;
    }

    /// <summary>
    /// Product with b0 + b1·v (a Miller-loop line's first half): five unreduced GF(p^2) products.
    /// Coefficients of a may be unreduced sums below 2p.
    /// </summary>
    public static Fp6Wide MulBy01(in Fp6 a, in Fp2 b0, in Fp2 b1)
    {
        var t0 = Fp2Wide.Mul(a.C0, b0);
        var t1 = Fp2Wide.Mul(a.C1, b1);
        var c0 = Fp2Wide.Add(Fp2Wide.MulByNonResidue(Fp2Wide.Mul(a.C2, b1)), t0);
        var c1 = Fp2Wide.Sub(Fp2Wide.Sub(Fp2Wide.Mul(Fp2.SumUnreduced(a.C0, a.C1), Fp2.Add(b0, b1)), t0), t1);
        var c2 = Fp2Wide.Add(Fp2Wide.Mul(a.C2, b0), t1);
        return new Fp6Wide(c0, c1, c2);
    }

    /// <summary>Product with b1·v: three unreduced GF(p^2) products.</summary>
    public static Fp6Wide MulBy1(in Fp6 a, in Fp2 b1) =>
        new(Fp2Wide.MulByNonResidue(Fp2Wide.Mul(a.C2, b1)), Fp2Wide.Mul(a.C0, b1), Fp2Wide.Mul(a.C1, b1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6Wide Add(in Fp6Wide a, in Fp6Wide b) => new(Fp2Wide.Add(a.C0, b.C0), Fp2Wide.Add(a.C1, b.C1), Fp2Wide.Add(a.C2, b.C2));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6Wide Sub(in Fp6Wide a, in Fp6Wide b) => new(Fp2Wide.Sub(a.C0, b.C0), Fp2Wide.Sub(a.C1, b.C1), Fp2Wide.Sub(a.C2, b.C2));

    /// <summary>Multiplies by v: (c0, c1, c2) becomes (ξ c2, c0, c1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6Wide MulByV(in Fp6Wide a) => new(Fp2Wide.MulByNonResidue(a.C2), a.C0, a.C1);

    public Fp6 Reduce() => new(C0.Reduce(), C1.Reduce(), C2.Reduce());
}
