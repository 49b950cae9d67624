using System.Buffers.Binary;
using NativeDvt.Crypto.Xmss;

namespace NativeDvt.Crypto.Tests.Xmss;

[Trait("Category", "Unit")]
public sealed class XmssSchemeDefaultParametersTests(XmssDefaultKeyFixture key) : IClassFixture<XmssDefaultKeyFixture>
{
    [Fact]
    public void Sign_DefaultParameters_HasRfc8391Sizes()
    {
        Assert.Equal("xmss", key.Scheme.Name);
        Assert.Equal(68, key.PublicKey.Length);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32BigEndian(key.PublicKey));
        Assert.Equal(4 + 32 + (67 * 32) + (10 * 32), key.Signature.Length);
        Assert.Equal(1024, key.Scheme.Parameters.MaxSignatures);
    }

    [Fact]
    public void Verify_FreshSignature_ReturnsTrue() =>
        Assert.True(key.Scheme.Verify(key.PublicKey, key.Message, key.Signature));

    [Fact]
    public void Verify_TamperedMessage_ReturnsFalse()
    {
        var message = key.Message.ToArray();
        message[^1] ^= 0x01;
        Assert.False(key.Scheme.Verify(key.PublicKey, message, key.Signature));
    }

    [Theory]
    [InlineData(3, "index")]
    [InlineData(4, "r")]
    [InlineData(36, "first WOTS+ chain value")]
    [InlineData(36 + (66 * 32) + 31, "last WOTS+ chain value")]
    [InlineData(36 + (67 * 32), "first authentication-path node")]
    [InlineData(36 + (67 * 32) + (9 * 32) + 5, "last authentication-path node")]
    public void Verify_TamperedSignatureByte_ReturnsFalse(int offset, string part)
    {
        var signature = key.Signature.ToArray();
        signature[offset] ^= 0x01;
        Assert.False(key.Scheme.Verify(key.PublicKey, key.Message, signature), part);
    }

    [Theory]
    [InlineData(0, "OID")]
    [InlineData(4, "root")]
    [InlineData(36, "PUB_SEED")]
    public void Verify_TamperedPublicKeyByte_ReturnsFalse(int offset, string part)
    {
        var publicKey = key.PublicKey.ToArray();
        publicKey[offset] ^= 0x01;
        Assert.False(key.Scheme.Verify(publicKey, key.Message, key.Signature), part);
    }

    [Fact]
    public void Verify_IndexBeyondTree_ReturnsFalse()
    {
        var signature = key.Signature.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(signature, 1024);
        Assert.False(key.Scheme.Verify(key.PublicKey, key.Message, signature));
    }

    [Theory]
    [InlineData(0, 2500)]
    [InlineData(67, 2500)]
    [InlineData(69, 2500)]
    [InlineData(68, 0)]
    [InlineData(68, 2499)]
    [InlineData(68, 2501)]
    public void Verify_WrongLengths_ReturnsFalse(int publicKeyLength, int signatureLength)
    {
        var publicKey = new byte[publicKeyLength];
        key.PublicKey.AsSpan(0, Math.Min(publicKeyLength, 68)).CopyTo(publicKey);
        var signature = new byte[signatureLength];
        key.Signature.AsSpan(0, Math.Min(signatureLength, 2500)).CopyTo(signature);
        Assert.False(key.Scheme.Verify(publicKey, key.Message, signature));
    }

    [Fact]
    public void Verify_PublicKeyOfAnotherSecretKey_ReturnsFalse()
    {
        var otherPublicKey = new XmssScheme(new InMemoryXmssStateStore()).DerivePublicKey(XmssTestSupport.SecretKey(2));
        Assert.NotEqual(key.PublicKey, otherPublicKey);
        Assert.False(key.Scheme.Verify(otherPublicKey, key.Message, key.Signature));
    }

    [Fact]
    public void DerivePublicKey_SameSecretKey_IsDeterministicAcrossInstances()
    {
        var other = new XmssScheme(new InMemoryXmssStateStore());
        Assert.Equal(key.PublicKey, other.DerivePublicKey(key.SecretKey));
    }
}
