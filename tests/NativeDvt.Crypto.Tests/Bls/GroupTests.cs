using System.Numerics;
using NativeDvt.Crypto.Bls;
using NativeDvt.Crypto.Bls.Curves;
using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.HashToCurve;
using NativeDvt.Crypto.Bls.Pairings;
using static NativeDvt.Crypto.Tests.Bls.BlsTestValues;

namespace NativeDvt.Crypto.Tests.Bls;

[Trait("Category", "Unit")]
public sealed class GroupTests
{
    private readonly Random _random = new(12381);

    [Fact]
    public void Generators_Compressed_MatchKnownEncodings()
    {
        Assert.Equal(
            "97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb",
            Convert.ToHexStringLower(G1.Compress(G1.Generator)));
        Assert.Equal(
            "93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8",
            Convert.ToHexStringLower(G2.Compress(G2.Generator)));
    }

    [Fact]
    public void Generators_OrderR_OnCurveAndInSubgroup()
    {
        Assert.True(G1.Generator.IsOnCurve(G1.B));
        Assert.True(G2.Generator.IsOnCurve(G2.B));
        Assert.True(G1.IsInSubgroup(G1.Generator));
        Assert.True(G2.IsInSubgroup(G2.Generator));
        Assert.True(JacobianPoint<Fp>.MulVartime(G1.Generator.ToJacobian(), Limbs(R)).IsInfinity);
        Assert.True(JacobianPoint<Fp2>.MulVartime(G2.Generator.ToJacobian(), Limbs(R)).IsInfinity);
    }

    [Fact]
    public void SecretKeyOne_PublicKey_IsGenerator()
    {
        var one = ScalarBytes(BigInteger.One);
        Assert.Equal(G1.Compress(G1.Generator), new BlsScheme().DerivePublicKey(one));
    }

    [Fact]
    public void ConstantTimeMultiplication_RandomScalars_MatchesVartime()
    {
        for (var i = 0; i < 3; i++)
        {
            var k = RandomBelow(_random, R);
            var expected1 = JacobianPoint<Fp>.MulVartime(G1.Generator.ToJacobian(), Limbs(k)).ToAffine();
            Assert.True(expected1.Equals(ProjectivePoint<Fp>.MulConstantTime(G1.Generator, ScalarBytes(k)).ToAffine()));
            var expected2 = JacobianPoint<Fp2>.MulVartime(G2.Generator.ToJacobian(), Limbs(k)).ToAffine();
            Assert.True(expected2.Equals(ProjectivePoint<Fp2>.MulConstantTime(G2.Generator, ScalarBytes(k)).ToAffine()));
        }
    }

    [Fact]
    public void GlsMultiplication_RandomAndEdgeScalars_MatchesVartime()
    {
        var q = JacobianPoint<Fp2>.MulVartime(G2.Generator.ToJacobian(), 5).ToAffine();
        foreach (var k in new[] { BigInteger.One, R - 1, RandomBelow(_random, R), RandomBelow(_random, R) })
        {
            var digits = new ulong[4];
            ScalarDecomposition.ToBaseAbsZ(ScalarBytes(k), digits);
            var z = new BigInteger(Pairing.AbsZ);
            Assert.Equal(k, digits[0] + (digits[1] * z) + (digits[2] * z * z) + (digits[3] * z * z * z));

            var expected = JacobianPoint<Fp2>.MulVartime(q.ToJacobian(), Limbs(k)).ToAffine();
            Assert.True(expected.Equals(G2.MulConstantTime(q, ScalarBytes(k)).ToAffine()));
        }
    }

    [Fact]
    public void MapToCurve_RandomFieldElements_LandOnE2WithMatchingSign()
    {
        var a = new Fp2(Fp.Zero, Fp.FromUInt64(240));
        var b = new Fp2(Fp.FromUInt64(1012), Fp.FromUInt64(1012));
        for (var i = 0; i < 40; i++)
        {
            var u = i == 0 ? Fp2.Zero : new Fp2(FieldConstants.ToFp(RandomBelow(_random, P)), FieldConstants.ToFp(RandomBelow(_random, P)));
            var (x, y) = MapToG2.SimplifiedSwu(u);
            Assert.Equal(Fp2.Square(y), Fp2.Add(Fp2.Mul(Fp2.Add(Fp2.Square(x), a), x), b));
            Assert.Equal(u.Sgn0, y.Sgn0);
            Assert.True(MapToG2.MapToCurve(u).ToAffine().IsOnCurve(G2.B));
        }
    }

    [Fact]
    public void CompleteAndJacobianFormulas_SameInputs_Agree()
    {
        var p = JacobianPoint<Fp2>.MulVartime(G2.Generator.ToJacobian(), 12345).ToAffine();
        var q = JacobianPoint<Fp2>.MulVartime(G2.Generator.ToJacobian(), 67890).ToAffine();
        var pp = ProjectivePoint<Fp2>.FromAffine(p);
        var pq = ProjectivePoint<Fp2>.FromAffine(q);
        Assert.True(JacobianPoint<Fp2>.AddMixed(p.ToJacobian(), q).ToAffine().Equals(ProjectivePoint<Fp2>.Add(pp, pq).ToAffine()));
        Assert.True(JacobianPoint<Fp2>.Double(p.ToJacobian()).ToAffine().Equals(ProjectivePoint<Fp2>.Double(pp).ToAffine()));
        Assert.True(ProjectivePoint<Fp2>.Add(pp, pp).ToAffine().Equals(ProjectivePoint<Fp2>.Double(pp).ToAffine()));
        Assert.True(ProjectivePoint<Fp2>.Add(pp, ProjectivePoint<Fp2>.FromAffine(AffinePoint<Fp2>.Neg(p))).ToAffine().IsInfinity);
        Assert.True(ProjectivePoint<Fp2>.Add(ProjectivePoint<Fp2>.Infinity, pq).ToAffine().Equals(q));
        var sum = ProjectivePoint<Fp2>.Add(pp, pq);
        Assert.True(sum.ToAffine().Equals(sum.ToAffineBlinded(new Fp2(Fp.FromUInt64(12345), Fp.FromUInt64(678)))));
        Assert.True(JacobianPoint<Fp2>.Add(p.ToJacobian(), JacobianPoint<Fp2>.Neg(p.ToJacobian())).IsInfinity);
    }

    [Fact]
    public void BatchToAffineAndStraus_MatchSingleOperations()
    {
        var points = Enumerable.Range(1, 5).Select(i => JacobianPoint<Fp2>.MulVartime(G2.Generator.ToJacobian(), (ulong)(i * 7919))).Append(JacobianPoint<Fp2>.Infinity).ToArray();
        var affine = new AffinePoint<Fp2>[points.Length];
        JacobianPoint<Fp2>.BatchToAffine(points, affine);
        for (var i = 0; i < points.Length; i++)
        {
            Assert.True(points[i].ToAffine().Equals(affine[i]));
        }

        var scalars = new ulong[] { 3, ulong.MaxValue, 1UL << 63, 12345678901234567UL, 2, 9 };
        var expected = JacobianPoint<Fp2>.Infinity;
        for (var i = 0; i < points.Length; i++)
        {
            expected = JacobianPoint<Fp2>.Add(expected, JacobianPoint<Fp2>.MulVartime(points[i], scalars[i]));
        }

        Assert.True(expected.Equals(JacobianPoint<Fp2>.MultiMulVartime(affine, scalars)));
    }

    [Fact]
    public void Compression_RandomPoints_RoundTrips()
    {
        for (var i = 0; i < 5; i++)
        {
            var k = (ulong)_random.NextInt64(1, long.MaxValue);
            var p1 = JacobianPoint<Fp>.MulVartime(G1.Generator.ToJacobian(), k).ToAffine();
            Assert.True(G1.TryDecompress(G1.Compress(p1), out var back1));
            Assert.True(p1.Equals(back1));
            var p2 = JacobianPoint<Fp2>.MulVartime(G2.Generator.ToJacobian(), k).ToAffine();
            Assert.True(G2.TryDecompress(G2.Compress(p2), out var back2));
            Assert.True(p2.Equals(back2));
        }
    }

    [Fact]
    public void SubgroupChecks_CurvePointsOutsideSubgroup_AreRejected()
    {
        // Points on the curves found by trying x = 1, 2, ...: the cofactors are large, so they lie outside G1/G2.
        var outsideG1 = FirstPointOnCurve(x => Fp.Add(Fp.Mul(Fp.Square(x), x), G1.B), Fp.FromUInt64, Fp.TrySqrt);
        Assert.True(outsideG1.IsOnCurve(G1.B));
        Assert.False(G1.IsInSubgroup(outsideG1));

        var outsideG2 = FirstPointOnCurve(x => Fp2.Add(Fp2.Mul(Fp2.Square(x), x), G2.B), k => new Fp2(Fp.FromUInt64(k), Fp.One), Fp2.TrySqrt);
        Assert.True(outsideG2.IsOnCurve(G2.B));
        Assert.False(G2.IsInSubgroup(outsideG2));
        Assert.True(G2.IsInSubgroup(G2.ClearCofactor(outsideG2.ToJacobian()).ToAffine()));
    }

    private delegate bool TrySqrt<T>(in T value, out T root);

    private static AffinePoint<T> FirstPointOnCurve<T>(Func<T, T> rhs, Func<ulong, T> fromInt, TrySqrt<T> sqrt)
        where T : struct, IFieldElement<T>
    {
        for (ulong k = 1; ; k++)
        {
            var x = fromInt(k);
            if (sqrt(rhs(x), out var y))
            {
                return new AffinePoint<T>(x, y);
            }
        }
    }
}
