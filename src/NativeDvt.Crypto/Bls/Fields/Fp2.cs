using System.Runtime.CompilerServices;
using NativeDvt.Crypto.Bls.Native;

namespace NativeDvt.Crypto.Bls.Fields;

/// <summary>An element c0 + c1·u of GF(p^2) = GF(p)[u]/(u^2 + 1), the field of G2's coordinates.</summary>
internal readonly struct Fp2 : IEquatable<Fp2>, IFieldElement<Fp2>
{
    public readonly Fp C0;
    public readonly Fp C1;

    public Fp2(in Fp c0, in Fp c1)
    {
        C0 = c0;
        C1 = c1;
    }

    public static Fp2 Zero => default;

    public static Fp2 One => new(Fp.One, Fp.Zero);

    public bool IsZero => C0.IsZero && C1.IsZero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Add(in Fp2 a, in Fp2 b) => new(Fp.Add(a.C0, b.C0), Fp.Add(a.C1, b.C1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Sub(in Fp2 a, in Fp2 b) => new(Fp.Sub(a.C0, b.C0), Fp.Sub(a.C1, b.C1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Double(in Fp2 a) => new(Fp.Double(a.C0), Fp.Double(a.C1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Neg(in Fp2 a) => new(Fp.Neg(a.C0), Fp.Neg(a.C1));

    public static Fp2 Conjugate(in Fp2 a) => new(a.C0, Fp.Neg(a.C1));

    /// <summary>
    /// Schoolbook with fused reductions: c0 = a0 b0 + (p - a1) b1 and c1 = a0 b1 + a1 b0, each one sum of two
    /// products with one reduction (four products, two reductions, no Karatsuba additions; measured faster than
    /// Karatsuba on unreduced products for GF(p^2) alone); both in one call of the native kernel where it runs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Mul(in Fp2 a, in Fp2 b) => FpNative.IsEnabled ? FpNative.MulFp2(a, b) : MulManaged(a, b);

    /// <summary>The managed <see cref="Mul"/> (where the native kernel does not run, and its reference).</summary>
    internal static Fp2 MulManaged(in Fp2 a, in Fp2 b) =>
        new(Fp.MulSumManaged(a.C0, b.C0, Fp.NegUnreduced(a.C1), b.C1), Fp.MulSumManaged(a.C0, b.C1, a.C1, b.C0));

    /// <summary>
    /// (a0 + a1 u)^2 = (a0 + a1)(a0 - a1) + 2 a0 a1 u: two base-field products, whose operands
    /// (a0 + a1, a0 - a1 + p, 2 a0) stay unreduced below 2p (the product allows that).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Square(in Fp2 a) => FpNative.IsEnabled ? FpNative.SquareFp2(a) : SquareManaged(a);

    /// <summary>The managed <see cref="Square"/>.</summary>
    internal static Fp2 SquareManaged(in Fp2 a) => new(
        Fp.MulManaged(Fp.SumUnreduced(a.C0, a.C1), Fp.DifferencePlusP(a.C0, a.C1)),
        Fp.MulManaged(Fp.SumUnreduced(a.C0, a.C0), a.C1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 MulByFp(in Fp2 a, in Fp b) => new(Fp.Mul(a.C0, b), Fp.Mul(a.C1, b));

    /// <summary>c0 + c1 carried but not reduced mod p, componentwise: an operand for <see cref="Fp2Wide.Mul"/> only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 SumUnreduced(in Fp2 a, in Fp2 b) => new(Fp.SumUnreduced(a.C0, b.C0), Fp.SumUnreduced(a.C1, b.C1));

    /// <summary>Multiplies by the sextic non-residue ξ = 1 + u that builds GF(p^6) and GF(p^12).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 MulByNonResidue(in Fp2 a) => new(Fp.Sub(a.C0, a.C1), Fp.Add(a.C0, a.C1));

    /// <summary>12(1 + u)·a (3b for the twist y^2 = x^3 + 4(1 + u)): 12(a0 - a1) + 12(a0 + a1)·u.</summary>
    public static Fp2 MulByCurveB3(in Fp2 a) =>
        new(Fp.MulSmall(Fp.DifferencePlusP(a.C0, a.C1), 12), Fp.MulSmall(Fp.SumUnreduced(a.C0, a.C1), 12));

    /// <summary>k·a for a small k (see <see cref="Fp.MulSmall"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 MulSmall(in Fp2 a, ulong k) => new(Fp.MulSmall(a.C0, k), Fp.MulSmall(a.C1, k));

    /// <summary>1/a = conj(a)/(a0^2 + a1^2); zero maps to zero.</summary>
    public static Fp2 Inverse(in Fp2 a)
    {
        var norm = Fp.Add(Fp.Square(a.C0), Fp.Square(a.C1));
        var inv = Fp.Inverse(norm);
        return new Fp2(Fp.Mul(a.C0, inv), Fp.Neg(Fp.Mul(a.C1, inv)));
    }

    /// <summary>1/a in variable time: for public values only.</summary>
    public static Fp2 InverseVartime(in Fp2 a)
    {
        var norm = Fp.Add(Fp.Square(a.C0), Fp.Square(a.C1));
        var inv = Fp.InverseVartime(norm);
        return new Fp2(Fp.Mul(a.C0, inv), Fp.Neg(Fp.Mul(a.C1, inv)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Select(in Fp2 a, in Fp2 b, ulong mask) => new(Fp.Select(a.C0, b.C0, mask), Fp.Select(a.C1, b.C1, mask));

    /// <summary>a^e for a public exponent given as little-endian limbs.</summary>
    public static Fp2 Pow(in Fp2 a, ReadOnlySpan<ulong> exponent)
    {
        var result = One;
        for (var i = exponent.Length - 1; i >= 0; i--)
        {
            for (var bit = 63; bit >= 0; bit--)
            {
                result = Square(result);
                if (((exponent[i] >> bit) & 1) != 0)
                {
                    result = Mul(result, a);
                }
            }
        }

        return result;
    }

    /// <summary>a is a square in GF(p^2) iff its norm a0^2 + a1^2 is a square in GF(p).</summary>
    public static bool IsSquare(in Fp2 a) => Fp.IsSquare(Fp.Add(Fp.Square(a.C0), Fp.Square(a.C1)));

    /// <summary>
    /// A square root through the norm, in two base-field exponentiations: s = sqrt(a0^2 + a1^2),
    /// t = (a0 + s)/2 and r = t^((p-3)/4). When t is a square, r = 1/sqrt(t) and the root is
    /// (t·r, a1·r/2); otherwise (a0 - s)/2 = -a1^2/(4t) is the square and the root is (a1·r/2, -t·r).
    /// False when a is not a square.
    /// </summary>
    public static bool TrySqrt(in Fp2 a, out Fp2 root)
    {
        if (a.C1.IsZero)
        {
            if (Fp.TrySqrt(a.C0, out var r0))
            {
                root = new Fp2(r0, Fp.Zero);
                return true;
            }

            // -1 is a non-square mod p, so -a0 is a square and sqrt(a0) = u·sqrt(-a0).
            var found = Fp.TrySqrt(Fp.Neg(a.C0), out var r1);
            root = new Fp2(Fp.Zero, r1);
            return found;
        }

        var norm = Norm(a);
        if (!Fp.TrySqrt(norm, out var s))
        {
            root = default;
            return false;
        }

        return TrySqrtWithNormRoot(a, s, out root);
    }

    /// <summary>The norm a0^2 + a1^2 = a·conj(a), an element of GF(p).</summary>
    public static Fp Norm(in Fp2 a) => Fp.Add(Fp.Square(a.C0), Fp.Square(a.C1));

    /// <summary>
    /// The second half of <see cref="TrySqrt"/>, for a caller that already holds s with
    /// s^2 = a0^2 + a1^2 (SSWU derives it for g(x2) from the exponentiation done for g(x1)).
    /// </summary>
    public static bool TrySqrtWithNormRoot(in Fp2 a, in Fp s, out Fp2 root)
    {
        if (a.C1.IsZero)
        {
            return TrySqrt(a, out root);
        }

        var t = Fp.Half(Fp.Add(a.C0, s));
        var r = Fp.PowInverseSqrt(t);
        var tr = Fp.Mul(t, r);
        var halfA1R = Fp.Half(Fp.Mul(a.C1, r));
        root = Fp.Mul(tr, r).IsOne ? new Fp2(tr, halfA1R) : new Fp2(halfA1R, Fp.Neg(tr));
        return Square(root).Equals(a);
    }

    /// <summary>RFC 9380 sgn0 for GF(p^2): the parity of c0, or of c1 when c0 is zero.</summary>
    public bool Sgn0 => C0.Sgn0 || (C0.IsZero && C1.Sgn0);

    /// <summary>ZCash ordering: compare c1 first, c0 when c1 is zero.</summary>
    public bool IsLexicographicallyLargest => C1.IsZero ? C0.IsLexicographicallyLargest : C1.IsLexicographicallyLargest;

    public bool Equals(Fp2 other) => C0.Equals(other.C0) && C1.Equals(other.C1);

    public override bool Equals(object? obj) => obj is Fp2 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(C0, C1);

    public override string ToString() => $"{C0} + {C1}·u";
}
