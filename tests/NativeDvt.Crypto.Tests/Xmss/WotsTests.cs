using NativeDvt.Crypto.Xmss;

namespace NativeDvt.Crypto.Tests.Xmss;

/// <summary>
/// WOTS+ internals. RFC 8391 prints no known-answer values and none are used here: these check the
/// checksum property that makes WOTS+ unforgeable and the sign / recover consistency.
/// </summary>
[Trait("Category", "Property")]
public sealed class WotsTests
{
    [Fact]
    public void ChainLengths_AllZeroDigest_ChecksumIsMaximal()
    {
        var lengths = new int[XmssParameters.Len];
        Wots.ChainLengths(new byte[32], lengths);

        // csum = 64 * 15 = 960 = 0x3c0, written as the nibbles 3, c, 0.
        Assert.All(lengths[..64], length => Assert.Equal(0, length));
        Assert.Equal([3, 12, 0], lengths[64..]);
    }

    [Fact]
    public void ChainLengths_AllOnesDigest_ChecksumIsZero()
    {
        var lengths = new int[XmssParameters.Len];
        Wots.ChainLengths(Enumerable.Repeat((byte)0xff, 32).ToArray(), lengths);

        Assert.All(lengths[..64], length => Assert.Equal(15, length));
        Assert.Equal([0, 0, 0], lengths[64..]);
    }

    [Fact]
    public void ChainLengths_RandomDigests_DigitsAreBase16AndChecksumMatches()
    {
        var random = new Random(2024);
        var digest = new byte[32];
        var lengths = new int[XmssParameters.Len];
        for (var trial = 0; trial < 500; trial++)
        {
            random.NextBytes(digest);
            Wots.ChainLengths(digest, lengths);

            Assert.Equal(Convert.ToHexStringLower(digest), string.Concat(lengths[..64].Select(d => d.ToString("x"))));
            var checksum = lengths[..64].Sum(d => 15 - d);
            Assert.Equal(checksum, (lengths[64] << 8) | (lengths[65] << 4) | lengths[66]);
        }
    }

    [Fact]
    public void ChainLengths_DifferentDigests_SomeChainIsShorter()
    {
        // A forger can only run chains forward; the checksum guarantees a second digest needs
        // some chain shorter than the first, so one signature never yields another.
        var random = new Random(7);
        var first = new byte[32];
        var second = new byte[32];
        var a = new int[XmssParameters.Len];
        var b = new int[XmssParameters.Len];
        for (var trial = 0; trial < 500; trial++)
        {
            random.NextBytes(first);
            first.CopyTo(second, 0);
            second[random.Next(32)] ^= (byte)(1 + random.Next(255));
            Wots.ChainLengths(first, a);
            Wots.ChainLengths(second, b);

            Assert.Contains(Enumerable.Range(0, XmssParameters.Len), i => b[i] < a[i]);
            Assert.Contains(Enumerable.Range(0, XmssParameters.Len), i => a[i] < b[i]);
        }
    }

    [Fact]
    public void PublicKeyFromSignature_ValidSignature_RecoversPublicKey()
    {
        var skSeed = Enumerable.Repeat((byte)1, 32).ToArray();
        var pubSeed = Enumerable.Repeat((byte)2, 32).ToArray();
        var digest = Enumerable.Range(0, 32).Select(i => (byte)(i * 37)).ToArray();
        var publicKey = new byte[Wots.Size];
        var signature = new byte[Wots.Size];
        var recovered = new byte[Wots.Size];

        Wots.PublicKey(skSeed, pubSeed, 5, publicKey);
        Wots.Sign(digest, skSeed, pubSeed, 5, signature);
        Wots.PublicKeyFromSignature(signature, digest, pubSeed, 5, recovered);
        Assert.Equal(publicKey, recovered);

        Wots.PublicKeyFromSignature(signature, digest, pubSeed, 6, recovered);
        Assert.NotEqual(publicKey, recovered);
    }

    [Fact]
    public void PublicKey_EightLaneCode_MatchesPlainReference()
    {
        var skSeed = Enumerable.Range(0, 32).Select(i => (byte)(3 * i)).ToArray();
        var pubSeed = Enumerable.Range(0, 32).Select(i => (byte)(200 - i)).ToArray();
        var publicKey = new byte[Wots.Size];

        Wots.PublicKey(skSeed, pubSeed, 777, publicKey);

        Assert.Equal(ReferenceWots.PublicKey(skSeed, pubSeed, 777), publicKey);
    }
}
