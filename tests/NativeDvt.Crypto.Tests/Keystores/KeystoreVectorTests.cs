using NativeDvt.Crypto.Keystores;

namespace NativeDvt.Crypto.Tests.Keystores;

[Trait("Category", "Unit")]
public sealed class KeystoreVectorTests
{
    [Fact]
    public void Decrypt_EipScryptVector_ReturnsSecret()
    {
        var keystore = Keystore.Parse(Eip2335Vectors.Scrypt);
        Assert.Equal(Eip2335Vectors.Secret, Convert.ToHexStringLower(keystore.Decrypt(Eip2335Vectors.Password)));
        Assert.Equal("m/12381/60/3141592653/589793238", keystore.Path);
    }

    [Fact]
    public void Decrypt_EipPbkdf2Vector_ReturnsSecret()
    {
        var keystore = Keystore.Parse(Eip2335Vectors.Pbkdf2);
        Assert.Equal(Eip2335Vectors.Secret, Convert.ToHexStringLower(keystore.Decrypt(Eip2335Vectors.Password)));
        Assert.Equal(Guid.Parse("64625def-3331-4eea-ab6f-782f3ed16a83"), keystore.Uuid);
        Assert.StartsWith("9612d7a7", keystore.Pubkey, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypt_EipPbkdf2Parameters_ReproducesVector()
    {
        var vector = Keystore.Parse(Eip2335Vectors.Pbkdf2);
        var keystore = Keystore.Encrypt(
            Convert.FromHexString(Eip2335Vectors.Secret),
            Eip2335Vectors.Password,
            vector.Kdf,
            Convert.FromHexString("264daa3f303d7259501c93d997d84fe6"),
            vector.Uuid,
            vector.Path,
            vector.Pubkey,
            vector.Description);

        var json = keystore.ToJson();
        Assert.Contains("8a9f5d9912ed7e75ea794bc5a89bca5f193721d30868ade6f73043c6ea6febf1", json, StringComparison.Ordinal);
        Assert.Contains("cee03fde2af33149775b7223e7845e4fb2c8ae1792e5f99fe9ecf474cc8c16ad", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_WrongPassword_ThrowsKeystoreExceptionSayingSo()
    {
        var keystore = Keystore.Parse(Eip2335Vectors.Pbkdf2);
        var error = Assert.Throws<KeystoreException>(() => keystore.Decrypt("testpassword"));
        Assert.Contains("wrong password", error.Message, StringComparison.Ordinal);
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }
}
