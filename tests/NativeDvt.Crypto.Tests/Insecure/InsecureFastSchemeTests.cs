using System.Security.Cryptography;
using NativeDvt.Crypto.Insecure;

namespace NativeDvt.Crypto.Tests.Insecure;

[Trait("Category", "Unit")]
public sealed class InsecureFastSchemeTests
{
    private static readonly byte[] SecretKey = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Message = "root"u8.ToArray();

    private readonly InsecureFastScheme _scheme = new();

    [Fact]
    public void Scheme_Always_DeclaresItselfInsecure()
    {
        Assert.True(_scheme.IsInsecure);
        Assert.Equal("insecure-fast", _scheme.Name);
    }

    [Fact]
    public void DerivePublicKey_SecretKey_IsItsSha256() =>
        Assert.Equal(SHA256.HashData(SecretKey), _scheme.DerivePublicKey(SecretKey));

    [Fact]
    public void Sign_SameInputs_IsDeterministicAndVerifies()
    {
        var signature = _scheme.Sign(SecretKey, Message);
        Assert.Equal(signature, _scheme.Sign(SecretKey, Message));
        Assert.True(_scheme.Verify(_scheme.DerivePublicKey(SecretKey), Message, signature));
    }

    [Fact]
    public void Sign_PublicKeyAlone_Forges()
    {
        // The documented weakness: the public key is the MAC key.
        var publicKey = _scheme.DerivePublicKey(SecretKey);
        Assert.Equal(HMACSHA256.HashData(publicKey, Message), _scheme.Sign(SecretKey, Message));
    }

    [Fact]
    public void Verify_TamperedOrMalformed_ReturnsFalse()
    {
        var publicKey = _scheme.DerivePublicKey(SecretKey);
        var signature = _scheme.Sign(SecretKey, Message);
        var tampered = signature.ToArray();
        tampered[0] ^= 1;

        Assert.False(_scheme.Verify(publicKey, Message, tampered));
        Assert.False(_scheme.Verify(publicKey, "other"u8, signature));
        Assert.False(_scheme.Verify(publicKey.AsSpan(0, 31), Message, signature));
        Assert.False(_scheme.Verify(publicKey, Message, signature.AsSpan(0, 31)));
    }

    [Fact]
    public void Sign_WrongSecretKeyLength_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => _scheme.Sign(new byte[16], Message));
}
