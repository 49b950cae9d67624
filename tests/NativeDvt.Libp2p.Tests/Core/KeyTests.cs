using System.Security.Cryptography;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiformats;

namespace NativeDvt.Libp2p.Tests.Core;

[Trait("Category", "Unit")]
public sealed class KeyTests
{
    public static TheoryData<string> HostKeyTypes => ["ed25519", "secp256k1"];

    [Theory]
    [MemberData(nameof(HostKeyTypes))]
    public void SignVerify_HostKey_AcceptsOwnAndRejectsTampered(string type)
    {
        var key = type == "ed25519" ? PrivateKey.GenerateEd25519() : PrivateKey.GenerateSecp256k1();
        var message = "noise-libp2p-static-key:"u8.ToArray();
        var signature = key.Sign(message);
        var publicKey = PublicKey.FromProtobuf(key.PublicKey.ToProtobuf());
        Assert.True(publicKey.Verify(message, signature));
        message[0] ^= 1;
        Assert.False(publicKey.Verify(message, signature));
        Assert.False(publicKey.Verify(message, signature.AsSpan(1)));
        Assert.False(publicKey.Verify(message, []));
    }

    [Theory]
    [MemberData(nameof(HostKeyTypes))]
    public void PrivateKeyProtobuf_RoundTrip_SamePeerId(string type)
    {
        var key = type == "ed25519" ? PrivateKey.GenerateEd25519() : PrivateKey.GenerateSecp256k1();
        var decoded = PrivateKey.FromProtobuf(key.ToProtobuf());
        Assert.Equal(key.PeerId, decoded.PeerId);
        Assert.Equal(key.PublicKey, decoded.PublicKey);
    }

    [Fact]
    public void Ed25519PeerId_IsIdentityHashStartingWith12D3KooW()
    {
        var key = PrivateKey.FromEd25519Seed(new byte[32]);
        Assert.StartsWith("12D3KooW", key.PeerId.ToString(), StringComparison.Ordinal);
        Assert.Equal(key.PublicKey, key.PeerId.TryGetPublicKey());
    }

    [Fact]
    public void EcdsaPublicKey_VerifiesSystemSignature()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = PublicKey.Create(KeyType.Ecdsa, ecdsa.ExportSubjectPublicKeyInfo());
        var signature = ecdsa.SignData("hi"u8, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        Assert.True(publicKey.Verify("hi"u8, signature));
        Assert.False(publicKey.Verify("ho"u8, signature));
        Assert.True(publicKey.ToPeerId().Matches(publicKey));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0801")]
    [InlineData("1200")]
    [InlineData("080112")]
    [InlineData("0801121f00")]
    [InlineData("08051200")]
    [InlineData("0802122100")]
    [InlineData("08021221020000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("08031203010203")]
    [InlineData("08001203010203")]
    public void PublicKeyFromProtobuf_Malformed_ThrowsMultiformatException(string hex)
    {
        Assert.Throws<MultiformatException>(() => PublicKey.FromProtobuf(Convert.FromHexString(hex)));
    }

    [Fact]
    public void PrivateKey_Ed25519WithMismatchedPublicHalf_Throws()
    {
        var data = new byte[64];
        Assert.Throws<MultiformatException>(() => PrivateKey.Create(KeyType.Ed25519, data));
    }

    [Fact]
    public void PrivateKey_Secp256k1ZeroScalar_Throws()
    {
        Assert.Throws<MultiformatException>(() => PrivateKey.Create(KeyType.Secp256k1, new byte[32]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("QmcgpsyWgH8Y8ajJz1Cu72KnS5uo2Aa2LpzU7kinSupNK")]
    [InlineData("12D3KooWSCxTfVvMBJbpF75PQmnFdxdBfC1ZxAGYbFc3U9MjALX")]
    [InlineData("tcp")]
    public void PeerIdParse_Invalid_ThrowsOrTryParseFalse(string text)
    {
        Assert.False(PeerId.TryParse(text, out _));
        if (text.Length > 0)
        {
            Assert.Throws<MultiformatException>(() => PeerId.Parse(text));
        }
    }

    [Fact]
    public void PeerId_EqualityAndOrdering_FollowBytes()
    {
        var a = PrivateKey.FromEd25519Seed(new byte[32]).PeerId;
        var b = PeerId.Parse(a.ToString());
        var c = PrivateKey.FromEd25519Seed(Enumerable.Repeat((byte)1, 32).ToArray()).PeerId;
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.Equal(-Math.Sign(a.CompareTo(c)), Math.Sign(c.CompareTo(a)));
    }
}
