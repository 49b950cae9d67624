using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.Pairings;
using static NativeDvt.Crypto.Tests.Bls.BlsTestValues;

namespace NativeDvt.Crypto.Tests.Bls;

[Trait("Category", "Unit")]
public sealed class FieldTests
{
    private readonly Random _random = new(381);

    [Fact]
    public void FpArithmetic_RandomElements_MatchesBigIntegerReference()
    {
        for (var i = 0; i < 200; i++)
        {
            var a = RandomBelow(_random, P);
            var b = RandomBelow(_random, P);
            var fa = FieldConstants.ToFp(a);
            var fb = FieldConstants.ToFp(b);
            Assert.Equal((a * b) % P, ToBigInteger(Fp.Mul(fa, fb)));
            Assert.Equal((a * a) % P, ToBigInteger(Fp.Square(fa)));
            Assert.Equal((a + b) % P, ToBigInteger(Fp.Add(fa, fb)));
            Assert.Equal(((a - b) % P + P) % P, ToBigInteger(Fp.Sub(fa, fb)));
            Assert.Equal((P - a) % P, ToBigInteger(Fp.Neg(fa)));
            Assert.Equal(a * ((P + 1) / 2) % P, ToBigInteger(Fp.Half(fa)));
        }
    }

    [Fact]
    public void FpSmallMultiplesAndFusedSums_CanonicalAndUnreducedOperands_MatchBigIntegerReference()
    {
        var extremes = new[] { System.Numerics.BigInteger.Zero, System.Numerics.BigInteger.One, P - 1, P - 2, (P - 1) / 2 };
        for (var i = 0; i < 200; i++)
        {
            var a = i < 25 ? extremes[i % extremes.Length] : RandomBelow(_random, P);
            var b = i < 25 ? extremes[(i / 5) % extremes.Length] : RandomBelow(_random, P);
            var fa = FieldConstants.ToFp(a);
            var fb = FieldConstants.ToFp(b);
            foreach (var k in new ulong[] { 0, 1, 2, 3, 4, 8, 12, 31 })
            {
                Assert.Equal(a * k % P, ToBigInteger(Fp.MulSmall(fa, k)));
                Assert.Equal((a + b) * k % P, ToBigInteger(Fp.MulSmall(Fp.SumUnreduced(fa, fb), k)));
                Assert.Equal((((a - b) * k) % P + P) % P, ToBigInteger(Fp.MulSmall(Fp.DifferencePlusP(fa, fb), k)));
            }

            var c = RandomBelow(_random, P);
            var fc = FieldConstants.ToFp(c);
            Assert.Equal((((3 * a) - (2 * b)) % P + P) % P, ToBigInteger(Fp.TripleMinusDouble(fa, fb)));
            Assert.Equal(((3 * a) + (2 * b)) % P, ToBigInteger(Fp.TriplePlusDouble(fa, fb)));
            Assert.Equal(((a - b + c) % P + P) % P, ToBigInteger(Fp.SubAdd(fa, fb, fc)));
            Assert.Equal((a + b + c) % P, ToBigInteger(Fp.Add3(fa, fb, fc)));
            Assert.Equal(((a - b - c) % P + P) % P, ToBigInteger(Fp.SubSub(fa, fb, fc)));
        }
    }

    [Fact]
    public void Fp2AndMulSum_RandomAndExtremeElements_MatchBigIntegerReference()
    {
        var extremes = new[] { System.Numerics.BigInteger.Zero, System.Numerics.BigInteger.One, P - 1, P - 2, (P - 1) / 2 };
        for (var i = 0; i < 150; i++)
        {
            var v = Enumerable.Range(0, 4).Select(k => i < 25 ? extremes[(i + k) % extremes.Length] : RandomBelow(_random, P)).ToArray();
            var f = v.Select(FieldConstants.ToFp).ToArray();
            Assert.Equal(((v[0] * v[1]) + (v[2] * v[3])) % P, ToBigInteger(Fp.MulSum(f[0], f[1], f[2], f[3])));
            var product = Fp2.Mul(new Fp2(f[0], f[1]), new Fp2(f[2], f[3]));
            Assert.Equal((((v[0] * v[2]) - (v[1] * v[3])) % P + P) % P, ToBigInteger(product.C0));
            Assert.Equal(((v[0] * v[3]) + (v[1] * v[2])) % P, ToBigInteger(product.C1));
        }
    }

    [Fact]
    public void FpInverse_FermatAndBinaryGcd_AgreeAndInvert()
    {
        for (var i = 0; i < 50; i++)
        {
            var a = RandomFp(_random);
            var inverse = Fp.Inverse(a);
            Assert.Equal(inverse, Fp.InverseVartime(a));
            Assert.True(Fp.Mul(a, inverse).IsOne);
        }

        Assert.True(Fp.InverseVartime(Fp.Zero).IsZero);
        Assert.True(Fp.InverseVartime(Fp.One).IsOne);
    }

    [Fact]
    public void FpSqrt_SquaresAndNonSquares_AreTellApart()
    {
        // -1 is not a square because p = 3 mod 4.
        Assert.False(Fp.TrySqrt(Fp.Neg(Fp.One), out _));
        for (var i = 0; i < 30; i++)
        {
            var a = RandomFp(_random);
            var square = Fp.Square(a);
            Assert.True(Fp.TrySqrt(square, out var root));
            Assert.Equal(square, Fp.Square(root));
            Assert.False(Fp.TrySqrt(Fp.Neg(square), out _));
        }
    }

    [Fact]
    public void FpBytes_RoundTripAndRejectModulus()
    {
        var a = RandomFp(_random);
        Assert.True(Fp.TryFromBytes(a.ToBytes(), out var back));
        Assert.Equal(a, back);
        var modulus = Convert.FromHexString("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab");
        Assert.False(Fp.TryFromBytes(modulus, out _));
    }

    [Fact]
    public void Fp2_InverseSqrtAndSquare_AreConsistent()
    {
        for (var i = 0; i < 30; i++)
        {
            var a = RandomFp2(_random);
            var b = RandomFp2(_random);
            Assert.Equal(Fp2.Mul(a, a), Fp2.Square(a));
            Assert.True(Fp2.Mul(a, Fp2.InverseVartime(a)).Equals(Fp2.One));
            Assert.Equal(Fp2.Inverse(a), Fp2.InverseVartime(a));
            Assert.Equal(Fp2.Mul(Fp2.Mul(a, b), Fp2.Inverse(b)), a);
            var square = Fp2.Square(a);
            Assert.True(Fp2.TrySqrt(square, out var root));
            Assert.Equal(square, Fp2.Square(root));
            Assert.True(Fp2.IsSquare(square));
        }

        // The SSWU constant Z = -(2 + u) is a non-square.
        var z = new Fp2(Fp.Neg(Fp.FromUInt64(2)), Fp.Neg(Fp.One));
        Assert.False(Fp2.TrySqrt(z, out _));
        Assert.False(Fp2.IsSquare(z));
    }

    [Fact]
    public void Fp6AndFp12_ProductsInversesAndSquares_AreConsistent()
    {
        for (var i = 0; i < 10; i++)
        {
            var a = RandomFp6(_random);
            Assert.Equal(Fp6.Mul(a, a), Fp6.Square(a));
            Assert.Equal(Fp6.One, Fp6.Mul(a, Fp6.InverseVartime(a)));

            var f = RandomFp12(_random);
            Assert.Equal(Fp12.Mul(f, f), Fp12.Square(f));
            Assert.True(Fp12.Mul(f, Fp12.InverseVartime(f)).IsOne);
        }
    }

    [Fact]
    public void Fp6Products_RandomAndExtremeCoefficients_MatchSchoolbook()
    {
        // Lazily reduced products sum and subtract unreduced halves; extreme coefficients push those sums to their bounds.
        var extremes = new[] { Fp.Zero, Fp.One, FieldConstants.ToFp(P - 1), FieldConstants.ToFp(P - 2), FieldConstants.ToFp((P - 1) / 2) };
        for (var i = 0; i < 60; i++)
        {
            var a = i < 30 ? ExtremeFp6(extremes, i) : RandomFp6(_random);
            var b = i < 30 ? ExtremeFp6(extremes, i * 7 + 3) : RandomFp6(_random);
            Assert.Equal(SchoolbookFp6(a, b), Fp6.Mul(a, b));
            Assert.Equal(SchoolbookFp6(a, a), Fp6.Square(a));
            var b0 = b.C0;
            var b1 = b.C1;
            Assert.Equal(SchoolbookFp6(a, new Fp6(b0, b1, Fp2.Zero)), Fp6.MulBy01(a, b0, b1));
            Assert.Equal(SchoolbookFp6(a, new Fp6(Fp2.Zero, b1, Fp2.Zero)), Fp6.MulBy1(a, b1));
            var f = new Fp12(a, b);
            var l4 = a.C2;
            Assert.Equal(Fp12.Mul(f, new Fp12(new Fp6(b0, b1, Fp2.Zero), new Fp6(Fp2.Zero, l4, Fp2.Zero))), Fp12.MulByLine(f, b0, b1, l4));
        }
    }

    private static Fp6 ExtremeFp6(Fp[] extremes, int seed)
    {
        Fp2 Pick(int k) => new(extremes[(seed + k) % extremes.Length], extremes[(seed / 2 + (3 * k)) % extremes.Length]);
        return new Fp6(Pick(0), Pick(1), Pick(2));
    }

    private static Fp6 SchoolbookFp6(in Fp6 a, in Fp6 b)
    {
        var c0 = Fp2.Add(Fp2.Mul(a.C0, b.C0), Fp2.MulByNonResidue(Fp2.Add(Fp2.Mul(a.C1, b.C2), Fp2.Mul(a.C2, b.C1))));
        var c1 = Fp2.Add(Fp2.Add(Fp2.Mul(a.C0, b.C1), Fp2.Mul(a.C1, b.C0)), Fp2.MulByNonResidue(Fp2.Mul(a.C2, b.C2)));
        var c2 = Fp2.Add(Fp2.Add(Fp2.Mul(a.C0, b.C2), Fp2.Mul(a.C1, b.C1)), Fp2.Mul(a.C2, b.C0));
        return new Fp6(c0, c1, c2);
    }

    [Fact]
    public void Fp12Frobenius_TwelveTimes_IsIdentityAndMatchesPowerP()
    {
        var f = RandomFp12(_random);
        var g = f;
        for (var i = 0; i < 12; i++)
        {
            g = Fp12.Frobenius(g);
        }

        Assert.Equal(f, g);
        Assert.Equal(Pow(f, P), Fp12.Frobenius(f));
    }

    [Fact]
    public void Fp12MulByLine_SparseElement_MatchesDenseProduct()
    {
        var f = RandomFp12(_random);
        var l0 = RandomFp2(_random);
        var l1 = RandomFp2(_random);
        var l4 = RandomFp2(_random);
        var line = new Fp12(new Fp6(l0, l1, Fp2.Zero), new Fp6(Fp2.Zero, l4, Fp2.Zero));
        Assert.Equal(Fp12.Mul(f, line), Fp12.MulByLine(f, l0, l1, l4));
    }

    [Fact]
    public void CompressedCyclotomicExp_InCyclotomicSubgroup_MatchesUncompressed()
    {
        for (var i = 0; i < 3; i++)
        {
            var f = RandomFp12(_random);
            var t = Fp12.Mul(Fp12.Conjugate(f), Fp12.InverseVartime(f));
            var m = Fp12.Mul(Fp12.Frobenius(Fp12.Frobenius(t)), t);
            Assert.Equal(Fp12.CyclotomicExpByAbsZ(m), CompressedCyclotomic.ExpByAbsZ(m));
        }
    }

    [Fact]
    public void CyclotomicSquare_InCyclotomicSubgroup_MatchesSquare()
    {
        var f = RandomFp12(_random);
        var t = Fp12.Mul(Fp12.Conjugate(f), Fp12.InverseVartime(f));
        var m = Fp12.Mul(Fp12.Frobenius(Fp12.Frobenius(t)), t);
        Assert.Equal(Fp12.Square(m), Fp12.CyclotomicSquare(m));
    }
}
