using NativeDvt.Crypto.Keystores;

namespace NativeDvt.Crypto.Tests.Keystores;

[Trait("Category", "Unit")]
public sealed class KeystoreRoundTripTests
{
    private static readonly byte[] Secret = Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray();
    private static readonly byte[] Iv = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();

    public static TheoryData<string> Kdfs => [KeystoreKdf.ScryptFunction, KeystoreKdf.Pbkdf2Function];

    [Theory]
    [MemberData(nameof(Kdfs))]
    public void EncryptToJsonParseDecrypt_CheapKdf_ReturnsSecret(string function)
    {
        var salt = new byte[32];
        var kdf = function == KeystoreKdf.ScryptFunction ? KeystoreKdf.Scrypt(salt, n: 1024) : KeystoreKdf.Pbkdf2(salt, c: 1000);
        var keystore = Keystore.Encrypt(Secret, "correct horse\u0007", kdf, Iv, Guid.NewGuid(), "m/12381/3600/0/0/0", "ab", "test");

        var reread = Keystore.Parse(keystore.ToJson());

        Assert.Equal(Secret, reread.Decrypt("correct horse"));
        Assert.Equal(keystore.Uuid, reread.Uuid);
        Assert.Equal(keystore.ToJson(), reread.ToJson());
        Assert.Throws<KeystoreException>(() => reread.Decrypt("correct horse!"));
    }

    [Fact]
    public void Encrypt_SecretLongerThanOneBlock_RoundTrips()
    {
        var secret = Enumerable.Range(0, 70).Select(i => (byte)i).ToArray();
        var keystore = Keystore.Encrypt(secret, "pw", KeystoreKdf.Pbkdf2(new byte[32], c: 1), Iv, Guid.Empty, string.Empty);

        Assert.Equal(secret, Keystore.Parse(keystore.ToJson()).Decrypt("pw"));
    }

    [Fact]
    public void Encrypt_IvOfWrongLength_ThrowsKeystoreException() =>
        Assert.Throws<KeystoreException>(() => Keystore.Encrypt(Secret, "pw", KeystoreKdf.Pbkdf2(new byte[32], c: 1), new byte[8], Guid.Empty, string.Empty));
}
