using System.Numerics;
using NativeDvt.Crypto.Bls;
using static NativeDvt.Crypto.Tests.Bls.BlsTestValues;

namespace NativeDvt.Crypto.Tests.Bls;

[Trait("Category", "Unit")]
public sealed class BlsSchemeTests
{
    private static readonly byte[] G2Infinity = [0xc0, .. new byte[95]];
    private static readonly byte[] G1Infinity = [0xc0, .. new byte[47]];

    private readonly BlsScheme _scheme = new();

    [Fact]
    public void Scheme_Name_IsBls() => Assert.Equal("bls", _scheme.Name);

    [Theory]
    [InlineData("zero")]
    [InlineData("r")]
    [InlineData("r+1")]
    [InlineData("max")]
    [InlineData("short")]
    public void Sign_InvalidSecretKey_ThrowsBlsException(string which)
    {
        var sk = which switch
        {
            "zero" => new byte[32],
            "r" => ScalarBytes(R),
            "r+1" => ScalarBytes(R + 1),
            "max" => Enumerable.Repeat((byte)0xff, 32).ToArray(),
            _ => new byte[31],
        };
        var error = Assert.Throws<BlsException>(() => _scheme.Sign(sk, new byte[32]));
        Assert.Contains("secret key", error.Message);
        Assert.Throws<BlsException>(() => _scheme.DerivePublicKey(sk));
    }

    [Fact]
    public void Sign_LargestValidKey_Verifies()
    {
        var sk = ScalarBytes(R - 1);
        var message = "largest"u8.ToArray();
        Assert.True(_scheme.Verify(_scheme.DerivePublicKey(sk), message, _scheme.Sign(sk, message)));
    }

    [Fact]
    public void Aggregate_EmptyOrUndecodable_ThrowsBlsException()
    {
        Assert.Throws<BlsException>(() => _scheme.Aggregate([]));
        Assert.Throws<BlsException>(() => _scheme.Aggregate([new byte[96]]));
        Assert.Throws<BlsException>(() => _scheme.Aggregate([new byte[95]]));
        Assert.Throws<BlsException>(() => BlsScheme.EthAggregatePublicKeys([]));
        Assert.Throws<BlsException>(() => BlsScheme.EthAggregatePublicKeys([G1Infinity]));
    }

    [Fact]
    public void Verify_InfinityKeyOrWrongLengths_IsFalse()
    {
        var sk = ScalarBytes(new BigInteger(42));
        var message = new byte[32];
        var pk = _scheme.DerivePublicKey(sk);
        var signature = _scheme.Sign(sk, message);
        Assert.True(_scheme.Verify(pk, message, signature));
        Assert.False(_scheme.Verify(G1Infinity, message, G2Infinity));
        Assert.False(BlsScheme.KeyValidate(G1Infinity));
        Assert.False(_scheme.Verify(pk.AsSpan(0, 47), message, signature));
        Assert.False(_scheme.Verify(pk, message, signature.AsSpan(0, 95)));
        Assert.False(_scheme.Verify([.. pk, 0], message, signature));
        Assert.False(_scheme.Verify([], message, []));
    }

    [Fact]
    public void FastAggregateVerify_EmptyKeys_FalseButEthVariantAcceptsInfinity()
    {
        Assert.False(_scheme.FastAggregateVerify([], new byte[32], G2Infinity));
        Assert.True(BlsScheme.EthFastAggregateVerify([], new byte[32], G2Infinity));
        Assert.False(BlsScheme.EthFastAggregateVerify([], new byte[32], new byte[96]));
    }

    [Fact]
    public void BatchVerify_OneBadSet_IsFalse()
    {
        var sets = Enumerable.Range(1, 4).Select(i =>
        {
            var sk = ScalarBytes(new BigInteger(1000 + i));
            var message = BitConverter.GetBytes(i);
            return new SignatureSet(_scheme.DerivePublicKey(sk), message, _scheme.Sign(sk, message));
        }).ToList();
        Assert.True(_scheme.BatchVerify(sets));
        sets[2] = sets[2] with { Message = [9, 9, 9] };
        Assert.False(_scheme.BatchVerify(sets));
        Assert.False(_scheme.BatchVerify([]));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(13)]
    public void BatchVerify_SpreadOverThreads_SameVerdictsAsOneByOne(int count)
    {
        // From eight sets the batch is split over the processors (two parts on a 2-core machine); uneven counts put
        // one more set in some parts. Each wrong set, wherever it falls, must still fail the whole batch.
        var sets = Enumerable.Range(1, count).Select(i =>
        {
            var sk = ScalarBytes(new BigInteger(2000 + i));
            var message = BitConverter.GetBytes(i);
            return new SignatureSet(_scheme.DerivePublicKey(sk), message, _scheme.Sign(sk, message));
        }).ToList();
        Assert.True(_scheme.BatchVerify(sets));
        Assert.True(new BlsScheme(new BlsPublicKeyCache()).BatchVerify(sets));

        foreach (var bad in new[] { 0, count / 2, count - 1 })
        {
            var wrongMessage = sets.ToList();
            wrongMessage[bad] = wrongMessage[bad] with { Message = [7, 7, 7] };
            Assert.False(_scheme.BatchVerify(wrongMessage));

            var malformed = sets.ToList();
            malformed[bad] = malformed[bad] with { Signature = new byte[96] };
            Assert.False(_scheme.BatchVerify(malformed));

            var swapped = sets.ToList();
            swapped[bad] = swapped[bad] with { PublicKey = sets[(bad + 1) % count].PublicKey };
            Assert.False(_scheme.BatchVerify(swapped));
        }
    }
}
