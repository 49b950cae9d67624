using System.Runtime.CompilerServices;
using NativeDvt.Crypto.Bls.Lanes;
using NativeDvt.Crypto.Bls.Pairings;

namespace NativeDvt.Crypto.Bls.Fields;

/// <summary>An element c0 + c1·w of GF(p^12) = GF(p^6)[w]/(w^2 - v), the pairing's target field.</summary>
internal readonly struct Fp12 : IEquatable<Fp12>
{
    public readonly Fp6 C0;
    public readonly Fp6 C1;

    public Fp12(in Fp6 c0, in Fp6 c1)
    {
        C0 = c0;
        C1 = c1;
    }

    public static Fp12 One => new(Fp6.One, Fp6.Zero);

    public bool IsOne => C0.Equals(Fp6.One) && C1.IsZero;

    /// <summary>a·b, batched across AVX-512 lanes when available (<see cref="Fp12Lanes"/>).</summary>
    public static Fp12 Mul(in Fp12 a, in Fp12 b) => FpLanes.PayForOneOperation ? Fp12Lanes.Mul(a, b) : MulScalar(a, b);

    /// <summary>a^2, batched across AVX-512 lanes when available.</summary>
    public static Fp12 Square(in Fp12 a) => FpLanes.PayForOneOperation ? Fp12Lanes.Square(a) : SquareScalar(a);

    /// <summary>Product with a Miller-loop line, batched across AVX-512 lanes when available.</summary>
    public static Fp12 MulByLine(in Fp12 a, in Fp2 l0, in Fp2 l1, in Fp2 l4) =>
        FpLanes.IsSupported ? Fp12Lanes.MulByLine(a, l0, l1, l4) : MulByLineScalar(a, l0, l1, l4);

    /// <summary>Cyclotomic squaring, batched across AVX-512 lanes when available.</summary>
    public static Fp12 CyclotomicSquare(in Fp12 a) => FpLanes.PayForOneOperation ? Fp12Lanes.CyclotomicSquare(a) : CyclotomicSquareScalar(a);

    /// <summary>Karatsuba over w on lazily reduced GF(p^6) products (the scalar path).</summary>
    internal static Fp12 MulScalar(in Fp12 a, in Fp12 b)
    {
        var t0 = Fp6.Mul(a.C0, b.C0);
        var t1 = Fp6.Mul(a.C1, b.C1);
        var c1 = Fp6.Sub(Fp6.Sub(Fp6.Mul(Fp6.Add(a.C0, a.C1), Fp6.Add(b.C0, b.C1)), t0), t1);
        return new Fp12(Fp6.Add(t0, Fp6.MulByV(t1)), c1);
    }

    /// <summary>Complex squaring: two GF(p^6) products (the scalar path).</summary>
    internal static Fp12 SquareScalar(in Fp12 a)
    {
        var t = Fp6.Mul(a.C0, a.C1);
        var c0 = Fp6.Sub(Fp6.Sub(Fp6.Mul(Fp6.Add(a.C0, a.C1), Fp6.Add(a.C0, Fp6.MulByV(a.C1))), t), Fp6.MulByV(t));
        return new Fp12(c0, Fp6.Add(t, t));
    }

    /// <summary>
    /// Product with a Miller-loop line l0 + l1·v + l4·v·w (the M-type twist's sparse shape):
    /// thirteen unreduced GF(p^2) products instead of eighteen, and one reduction per coefficient (the scalar path).
    /// </summary>
    internal static Fp12 MulByLineScalar(in Fp12 a, in Fp2 l0, in Fp2 l1, in Fp2 l4)
    {
        var t0 = Fp6Wide.MulBy01(a.C0, l0, l1);
        var t1 = Fp6Wide.MulBy1(a.C1, l4);
        var sum = new Fp6(Fp2.SumUnreduced(a.C0.C0, a.C1.C0), Fp2.SumUnreduced(a.C0.C1, a.C1.C1), Fp2.SumUnreduced(a.C0.C2, a.C1.C2));
        var c1 = Fp6Wide.Sub(Fp6Wide.Sub(Fp6Wide.MulBy01(sum, l0, Fp2.Add(l1, l4)), t0), t1);
        return new Fp12(Fp6Wide.Add(t0, Fp6Wide.MulByV(t1)).Reduce(), c1.Reduce());
    }

    /// <summary>The p^6-power Frobenius; on the cyclotomic subgroup it is the inverse.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp12 Conjugate(in Fp12 a) => new(a.C0, Fp6.Neg(a.C1));

    /// <summary>1/a in variable time (only the pairing, on public values, inverts here).</summary>
    public static Fp12 InverseVartime(in Fp12 a)
    {
        var t = Fp6.InverseVartime(Fp6.Sub(Fp6.Square(a.C0), Fp6.MulByV(Fp6.Square(a.C1))));
        return new Fp12(Fp6.Mul(a.C0, t), Fp6.Neg(Fp6.Mul(a.C1, t)));
    }

    /// <summary>The p-power Frobenius: conjugate every GF(p^2) coefficient of w^k and scale it by γ_k.</summary>
    public static Fp12 Frobenius(in Fp12 a)
    {
        var gamma = FieldConstants.FrobeniusGamma;
        var c1 = new Fp6(
            Fp2.Mul(Fp2.Conjugate(a.C1.C0), gamma[1]),
            Fp2.Mul(Fp2.Conjugate(a.C1.C1), gamma[3]),
            Fp2.Mul(Fp2.Conjugate(a.C1.C2), gamma[5]));
        return new Fp12(Fp6.Frobenius(a.C0), c1);
    }

    /// <summary>
    /// Granger-Scott squaring, valid only in the cyclotomic subgroup (after the easy part of the
    /// final exponentiation): three GF(p^4) squarings (the scalar path).
    /// </summary>
    internal static Fp12 CyclotomicSquareScalar(in Fp12 a)
    {
        var z0 = a.C0.C0;
        var z4 = a.C0.C1;
        var z3 = a.C0.C2;
        var z2 = a.C1.C0;
        var z1 = a.C1.C1;
        var z5 = a.C1.C2;

        Fp4Square(z0, z1, out var t0, out var t1);
        z0 = TripleMinusDouble(t0, z0);
        z1 = TriplePlusDouble(t1, z1);

        Fp4Square(z2, z3, out t0, out t1);
        Fp4Square(z4, z5, out var t2, out var t3);
        z4 = TripleMinusDouble(t0, z4);
        z5 = TriplePlusDouble(t1, z5);

        z2 = TriplePlusDouble(Fp2.MulByNonResidue(t3), z2);
        z3 = TripleMinusDouble(t2, z3);

        return new Fp12(new Fp6(z0, z4, z3), new Fp6(z2, z1, z5));
    }

    /// <summary>a^|z| for the BLS parameter |z| = 0xd201000000010000, by cyclotomic squarings.</summary>
    public static Fp12 CyclotomicExpByAbsZ(in Fp12 a)
    {
        var result = a;
        for (var bit = 62; bit >= 0; bit--)
        {
            result = CyclotomicSquare(result);
            if (((Pairing.AbsZ >> bit) & 1) != 0)
            {
                result = Mul(result, a);
            }
        }

        return result;
    }

    public bool Equals(Fp12 other) => C0.Equals(other.C0) && C1.Equals(other.C1);

    public override bool Equals(object? obj) => obj is Fp12 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(C0, C1);

    /// <summary>Squares x + y·t in GF(p^4) = GF(p^2)[t]/(t^2 - ξ); sums and differences in one pass each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Fp4Square(in Fp2 x, in Fp2 y, out Fp2 c0, out Fp2 c1)
    {
        var t0 = Fp2.Square(x);
        var t1 = Fp2.Square(y);
        // ξ·t1 + t0 = (t1.c0 - t1.c1 + t0.c0) + (t1.c0 + t1.c1 + t0.c1)·u
        c0 = new Fp2(Fp.SubAdd(t1.C0, t1.C1, t0.C0), Fp.Add3(t1.C0, t1.C1, t0.C1));
        var s = Fp2.Square(Fp2.Add(x, y));
        c1 = new Fp2(Fp.SubSub(s.C0, t0.C0, t1.C0), Fp.SubSub(s.C1, t0.C1, t1.C1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fp2 TripleMinusDouble(in Fp2 t, in Fp2 z) => new(Fp.TripleMinusDouble(t.C0, z.C0), Fp.TripleMinusDouble(t.C1, z.C1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fp2 TriplePlusDouble(in Fp2 t, in Fp2 z) => new(Fp.TriplePlusDouble(t.C0, z.C0), Fp.TriplePlusDouble(t.C1, z.C1));
}
