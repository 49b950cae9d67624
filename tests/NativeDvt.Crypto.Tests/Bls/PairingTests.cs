using NativeDvt.Crypto.Bls.Curves;
using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.Pairings;
using static NativeDvt.Crypto.Tests.Bls.BlsTestValues;

namespace NativeDvt.Crypto.Tests.Bls;

[Trait("Category", "Unit")]
public sealed class PairingTests
{
    [Fact]
    public void Pairing_Generators_IsNonDegenerateOfOrderR()
    {
        var e = Pairing.Pair(G1.Generator, G2.Generator);
        Assert.False(e.IsOne);
        Assert.True(Pow(e, R).IsOne);
    }

    [Fact]
    public void Pairing_ScaledArguments_IsBilinear()
    {
        const ulong A = 0x1234567890abcdefUL;
        const ulong B = 0xfedcba0987654321UL;
        var aP = JacobianPoint<Fp>.MulVartime(G1.Generator.ToJacobian(), A).ToAffine();
        var bQ = JacobianPoint<Fp2>.MulVartime(G2.Generator.ToJacobian(), B).ToAffine();
        var abP = JacobianPoint<Fp>.MulVartime(aP.ToJacobian(), B).ToAffine();
        var e = Pairing.Pair(G1.Generator, G2.Generator);

        var expected = Pow(e, new System.Numerics.BigInteger(A) * B);
        Assert.Equal(expected, Pairing.Pair(aP, bQ));
        Assert.Equal(expected, Pairing.Pair(abP, G2.Generator));
    }

    [Fact]
    public void MultiPairing_InversePair_IsOne()
    {
        var q = JacobianPoint<Fp2>.MulVartime(G2.Generator.ToJacobian(), 987654321).ToAffine();
        var p = JacobianPoint<Fp>.MulVartime(G1.Generator.ToJacobian(), 987654321).ToAffine();
        Assert.True(Pairing.IsProductOne([G1.Generator, AffinePoint<Fp>.Neg(p)], [q, G2.Generator]));
        Assert.False(Pairing.IsProductOne([G1.Generator, p], [q, G2.Generator]));
        Assert.True(Pairing.IsProductOne([AffinePoint<Fp>.Infinity], [q]));
    }
}
