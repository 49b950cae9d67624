using NativeDvt.Crypto.Bls.Curves;
using NativeDvt.Crypto.Bls.Fields;

namespace NativeDvt.Crypto.Bls.HashToCurve;

/// <summary>
/// RFC 9380 map_to_curve for BLS12-381 G2: simplified SWU onto the 3-isogenous curve
/// E2': y^2 = x^3 + A'x + B' (section 6.6.3), then the 3-isogeny to E2 (appendix E.3).
/// </summary>
internal static class MapToG2
{
    /// <summary>A' = 240·u.</summary>
    private static readonly Fp2 A = new(Fp.Zero, Fp.FromUInt64(240));

    /// <summary>B' = 1012·(1 + u).</summary>
    private static readonly Fp2 B = new(Fp.FromUInt64(1012), Fp.FromUInt64(1012));

    /// <summary>Z = -(2 + u), the suite's SSWU non-square.</summary>
    private static readonly Fp2 Z = new(Fp.Neg(Fp.FromUInt64(2)), Fp.Neg(Fp.One));

    /// <summary>5^((p+1)/4), with 5 = norm(Z): turns norm(g(x1))^((p+1)/4) into a root of 5·norm(g(x1)).</summary>
    private static readonly Fp FivePowSqrtExponent = Fp.PowSqrtCandidate(Fp.FromUInt64(5));

    /// <summary>-B'/A', the x1 numerator factor of the SSWU map.</summary>
    private static readonly Fp2 MinusBOverA = Fp2.Neg(Fp2.Mul(B, Fp2.Inverse(A)));

    /// <summary>B'/(Z·A'), x1 in the exceptional case tv1 = 0.</summary>
    private static readonly Fp2 BOverZA = Fp2.Mul(B, Fp2.Inverse(Fp2.Mul(Z, A)));

    /// <summary>x_num coefficients k_(1,0..3), constant term first.</summary>
    private static readonly Fp2[] XNum =
    [
        // k_(1,0)
        FieldConstants.Fp2FromHex("5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6", "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6"),
        // k_(1,1)
        FieldConstants.Fp2FromHex("0", "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71a"),
        // k_(1,2)
        FieldConstants.Fp2FromHex("11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71e", "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38d"),
        // k_(1,3)
        FieldConstants.Fp2FromHex("171d6541fa38ccfaed6dea691f5fb614cb14b4e7f4e810aa22d6108f142b85757098e38d0f671c7188e2aaaaaaaa5ed1", "0"),
    ];

    /// <summary>x_den coefficients k_(2,0..1); the leading coefficient (of x'^2) is 1.</summary>
    private static readonly Fp2[] XDen =
    [
        // k_(2,0)
        FieldConstants.Fp2FromHex("0", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa63"),
        // k_(2,1)
        FieldConstants.Fp2FromHex("c", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa9f"),
    ];

    /// <summary>y_num coefficients k_(3,0..3).</summary>
    private static readonly Fp2[] YNum =
    [
        // k_(3,0)
        FieldConstants.Fp2FromHex("1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706", "1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706"),
        // k_(3,1)
        FieldConstants.Fp2FromHex("0", "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97be"),
        // k_(3,2)
        FieldConstants.Fp2FromHex("11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71c", "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38f"),
        // k_(3,3)
        FieldConstants.Fp2FromHex("124c9ad43b6cf79bfbf7043de3811ad0761b0f37a1e26286b0e977c69aa274524e79097a56dc4bd9e1b371c71c718b10", "0"),
    ];

    /// <summary>y_den coefficients k_(4,0..2); the leading coefficient (of x'^3) is 1.</summary>
    private static readonly Fp2[] YDen =
    [
        // k_(4,0)
        FieldConstants.Fp2FromHex("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb"),
        // k_(4,1)
        FieldConstants.Fp2FromHex("0", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa9d3"),
        // k_(4,2)
        FieldConstants.Fp2FromHex("12", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa99"),
    ];

    /// <summary>map_to_curve_simple_swu followed by iso_map: a point of E2 (not yet in G2).</summary>
    public static JacobianPoint<Fp2> MapToCurve(in Fp2 u)
    {
        var (x, y) = SimplifiedSwu(u);
        return IsoMap(x, y);
    }

    /// <summary>The simplified SWU map onto E2' (RFC 9380 section 6.6.2).</summary>
    public static (Fp2 X, Fp2 Y) SimplifiedSwu(in Fp2 u)
    {
        var zu2 = Fp2.Mul(Z, Fp2.Square(u));
        var tv1 = Fp2.Add(Fp2.Square(zu2), zu2);
        var x1 = tv1.IsZero ? BOverZA : Fp2.Mul(MinusBOverA, Fp2.Add(Fp2.One, Fp2.InverseVartime(tv1)));
        var gx1 = Curve(x1);

        // One base-field exponentiation decides the square case and, failing that, also gives the
        // root of g(x2)'s norm: g(x2) = (Z u^2)^3 g(x1), so with N = norm(Z u^2) = 5·norm(u)^2,
        // sqrt(norm(g(x2))) = N·norm(u)·sqrt(5·norm(g(x1))) = N·norm(u)·5^((p+1)/4)·norm(g(x1))^((p+1)/4).
        var n1 = Fp2.Norm(gx1);
        var s1 = Fp.PowSqrtCandidate(n1);
        Fp2 x;
        Fp2 y;
        if (Fp.Square(s1).Equals(n1))
        {
            x = x1;
            if (!Fp2.TrySqrtWithNormRoot(gx1, s1, out y))
            {
                throw new InvalidOperationException("SSWU: g(x1) has a square norm but no square root");
            }
        }
        else
        {
            x = Fp2.Mul(zu2, x1);
            var gx2 = Curve(x);
            var normU = Fp2.Norm(u);
            var s2 = Fp.Mul(Fp.Mul(Fp2.Norm(zu2), normU), Fp.Mul(FivePowSqrtExponent, s1));
            if (!Fp.Square(s2).Equals(Fp2.Norm(gx2)) || !Fp2.TrySqrtWithNormRoot(gx2, s2, out y))
            {
                throw new InvalidOperationException("SSWU: neither g(x1) nor g(x2) is a square, which the choice of Z rules out");
            }
        }

        if (u.Sgn0 != y.Sgn0)
        {
            y = Fp2.Neg(y);
        }

        return (x, y);
    }

    /// <summary>
    /// The 3-isogeny E2' to E2 as Jacobian coordinates, to avoid inversions: with Z = x_den·y_den,
    /// X = x_num·x_den·y_den^2 and Y = y'·y_num·x_den^3·y_den^2. A vanishing denominator gives infinity.
    /// </summary>
    public static JacobianPoint<Fp2> IsoMap(in Fp2 x, in Fp2 y)
    {
        var xNum = Horner(XNum, x, false);
        var xDen = Horner(XDen, x, true);
        var yNum = Horner(YNum, x, false);
        var yDen = Horner(YDen, x, true);
        var z = Fp2.Mul(xDen, yDen);
        var yDen2 = Fp2.Square(yDen);
        var xJ = Fp2.Mul(Fp2.Mul(xNum, xDen), yDen2);
        var xDen3 = Fp2.Mul(Fp2.Square(xDen), xDen);
        var yJ = Fp2.Mul(Fp2.Mul(Fp2.Mul(y, yNum), xDen3), yDen2);
        return new JacobianPoint<Fp2>(xJ, yJ, z);
    }

    private static Fp2 Curve(in Fp2 x) => Fp2.Add(Fp2.Mul(Fp2.Add(Fp2.Square(x), A), x), B);

    private static Fp2 Horner(ReadOnlySpan<Fp2> coefficients, in Fp2 x, bool monic)
    {
        var acc = monic ? Fp2.One : coefficients[^1];
        var start = monic ? coefficients.Length - 1 : coefficients.Length - 2;
        for (var i = start; i >= 0; i--)
        {
            acc = Fp2.Add(Fp2.Mul(acc, x), coefficients[i]);
        }

        return acc;
    }
}
