using System.Runtime.CompilerServices;
using NativeDvt.Crypto.Bls.Native;

namespace NativeDvt.Crypto.Bls.Fields;

/// <summary>An element c0 + c1·v + c2·v^2 of GF(p^6) = GF(p^2)[v]/(v^3 - ξ), ξ = 1 + u.</summary>
internal readonly struct Fp6 : IEquatable<Fp6>
{
    public readonly Fp2 C0;
    public readonly Fp2 C1;
    public readonly Fp2 C2;

    public Fp6(in Fp2 c0, in Fp2 c1, in Fp2 c2)
    {
        C0 = c0;
        C1 = c1;
        C2 = c2;
    }

    public static Fp6 Zero => default;

    public static Fp6 One => new(Fp2.One, Fp2.Zero, Fp2.Zero);

    public bool IsZero => C0.IsZero && C1.IsZero && C2.IsZero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 Add(in Fp6 a, in Fp6 b) => new(Fp2.Add(a.C0, b.C0), Fp2.Add(a.C1, b.C1), Fp2.Add(a.C2, b.C2));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 Sub(in Fp6 a, in Fp6 b) => new(Fp2.Sub(a.C0, b.C0), Fp2.Sub(a.C1, b.C1), Fp2.Sub(a.C2, b.C2));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 Neg(in Fp6 a) => new(Fp2.Neg(a.C0), Fp2.Neg(a.C1), Fp2.Neg(a.C2));

    /// <summary>
    /// Karatsuba over the cubic extension on unreduced GF(p^2) products: six products (eighteen
    /// base-field products) and six reductions, one per output coefficient.
    /// </summary>
    public static Fp6 Mul(in Fp6 a, in Fp6 b)
    {
        if (FpNative.IsEnabled)
        {
            return MulReduced(a, b);
        }

        var t0 = Fp2Wide.Mul(a.C0, b.C0);
        var t1 = Fp2Wide.Mul(a.C1, b.C1);
        var t2 = Fp2Wide.Mul(a.C2, b.C2);
        var s12 = Fp2Wide.Mul(Fp2.SumUnreduced(a.C1, a.C2), Fp2.SumUnreduced(b.C1, b.C2));
        var c0 = Fp2Wide.Add(Fp2Wide.MulByNonResidue(Fp2Wide.Sub(Fp2Wide.Sub(s12, t1), t2)), t0).Reduce();
        var s01 = Fp2Wide.Mul(Fp2.SumUnreduced(a.C0, a.C1), Fp2.SumUnreduced(b.C0, b.C1));
        var c1 = Fp2Wide.Add(Fp2Wide.Sub(Fp2Wide.Sub(s01, t0), t1), Fp2Wide.MulByNonResidue(t2)).Reduce();
        var s02 = Fp2Wide.Mul(Fp2.SumUnreduced(a.C0, a.C2), Fp2.SumUnreduced(b.C0, b.C2));
        var c2 = Fp2Wide.Add(Fp2Wide.Sub(Fp2Wide.Sub(s02, t0), t2), t1).Reduce();
        return new Fp6(c0, c1, c2);
    }

    /// <summary>
    /// Karatsuba over the cubic extension on reduced GF(p^2) products, for where the native base-field product runs
    /// (each GF(p^2) product two native sums of products): six GF(p^2) products, no unreduced columns.
    /// </summary>
    private static Fp6 MulReduced(in Fp6 a, in Fp6 b)
    {
        var t0 = Fp2.Mul(a.C0, b.C0);
        var t1 = Fp2.Mul(a.C1, b.C1);
        var t2 = Fp2.Mul(a.C2, b.C2);
        var s12 = Fp2.Mul(Fp2.Add(a.C1, a.C2), Fp2.Add(b.C1, b.C2));
        var s01 = Fp2.Mul(Fp2.Add(a.C0, a.C1), Fp2.Add(b.C0, b.C1));
        var s02 = Fp2.Mul(Fp2.Add(a.C0, a.C2), Fp2.Add(b.C0, b.C2));
        return new Fp6(
            Fp2.Add(Fp2.MulByNonResidue(Fp2.Sub(Fp2.Sub(s12, t1), t2)), t0),
            Fp2.Add(Fp2.Sub(Fp2.Sub(s01, t0), t1), Fp2.MulByNonResidue(t2)),
            Fp2.Add(Fp2.Sub(Fp2.Sub(s02, t0), t2), t1));
    }

    /// <summary>Chung-Hasan SQR2: two squarings fewer than a product.</summary>
    public static Fp6 Square(in Fp6 a)
    {
        var s0 = Fp2.Square(a.C0);
        var s1 = Fp2.Double(Fp2.Mul(a.C0, a.C1));
        var s2 = Fp2.Square(Fp2.Add(Fp2.Sub(a.C0, a.C1), a.C2));
        var s3 = Fp2.Double(Fp2.Mul(a.C1, a.C2));
        var s4 = Fp2.Square(a.C2);
        return new Fp6(
            Fp2.Add(Fp2.MulByNonResidue(s3), s0),
            Fp2.Add(Fp2.MulByNonResidue(s4), s1),
            Fp2.Sub(Fp2.Sub(Fp2.Add(Fp2.Add(s1, s2), s3), s0), s4));
    }

    /// <summary>Product with b0 + b1·v (the shape of a Miller-loop line's first half): five GF(p^2) products, three reductions.</summary>
    public static Fp6 MulBy01(in Fp6 a, in Fp2 b0, in Fp2 b1) => Fp6Wide.MulBy01(a, b0, b1).Reduce();

    /// <summary>Product with b1·v: three GF(p^2) products.</summary>
    public static Fp6 MulBy1(in Fp6 a, in Fp2 b1) => Fp6Wide.MulBy1(a, b1).Reduce();

    /// <summary>Multiplies by v: (c0, c1, c2) becomes (ξ c2, c0, c1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 MulByV(in Fp6 a) => new(Fp2.MulByNonResidue(a.C2), a.C0, a.C1);

    /// <summary>1/a in variable time (only the pairing, on public values, inverts here).</summary>
    public static Fp6 InverseVartime(in Fp6 a)
    {
        var c0 = Fp2.Sub(Fp2.Square(a.C0), Fp2.MulByNonResidue(Fp2.Mul(a.C1, a.C2)));
        var c1 = Fp2.Sub(Fp2.MulByNonResidue(Fp2.Square(a.C2)), Fp2.Mul(a.C0, a.C1));
        var c2 = Fp2.Sub(Fp2.Square(a.C1), Fp2.Mul(a.C0, a.C2));
        var t = Fp2.Add(Fp2.Mul(a.C0, c0), Fp2.MulByNonResidue(Fp2.Add(Fp2.Mul(a.C2, c1), Fp2.Mul(a.C1, c2))));
        var inv = Fp2.InverseVartime(t);
        return new Fp6(Fp2.Mul(c0, inv), Fp2.Mul(c1, inv), Fp2.Mul(c2, inv));
    }

    /// <summary>The p-power Frobenius: conjugate the coefficients and scale v^k by γ_{2k}.</summary>
    public static Fp6 Frobenius(in Fp6 a)
    {
        var gamma = FieldConstants.FrobeniusGamma;
        return new Fp6(Fp2.Conjugate(a.C0), Fp2.Mul(Fp2.Conjugate(a.C1), gamma[2]), Fp2.Mul(Fp2.Conjugate(a.C2), gamma[4]));
    }

    public bool Equals(Fp6 other) => C0.Equals(other.C0) && C1.Equals(other.C1) && C2.Equals(other.C2);

    public override bool Equals(object? obj) => obj is Fp6 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(C0, C1, C2);
}
