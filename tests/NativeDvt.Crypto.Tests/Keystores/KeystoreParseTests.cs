using System.Text.Json.Nodes;
using NativeDvt.Crypto.Keystores;

namespace NativeDvt.Crypto.Tests.Keystores;

[Trait("Category", "Unit")]
public sealed class KeystoreParseTests
{
    // (field path to change, new JSON value or null to remove it, text the error must contain)
    public static TheoryData<string, string?, string> Malformations => new()
    {
        { "version", null, "version: missing" },
        { "version", "3", "version: 3 is not supported" },
        { "version", "\"4\"", "version: expected a 32-bit integer" },
        { "uuid", "\"not-a-uuid\"", "uuid:" },
        { "path", null, "path: missing" },
        { "pubkey", "5", "pubkey: expected a string" },
        { "crypto", "[]", "crypto: expected an object" },
        { "crypto.kdf", null, "crypto.kdf: missing" },
        { "crypto.kdf.function", "\"argon2\"", "crypto.kdf.function: 'argon2'" },
        { "crypto.kdf.params.dklen", "16", "crypto.kdf.params.dklen" },
        { "crypto.kdf.params.c", null, "crypto.kdf.params.c: missing" },
        { "crypto.kdf.params.c", "0", "crypto.kdf.params.c" },
        { "crypto.kdf.params.prf", "\"hmac-sha512\"", "crypto.kdf.params.prf" },
        { "crypto.kdf.params.salt", "\"xyz\"", "crypto.kdf.params.salt: 'xyz' is not hex" },
        { "crypto.checksum.function", "\"sha512\"", "crypto.checksum.function" },
        { "crypto.checksum.message", "\"abcd\"", "crypto.checksum.message: 2 bytes, expected 32" },
        { "crypto.cipher", null, "crypto.cipher: missing" },
        { "crypto.cipher.function", "\"aes-256-gcm\"", "crypto.cipher.function" },
        { "crypto.cipher.params.iv", "\"00\"", "crypto.cipher.params.iv: 1 bytes, expected 16" },
        { "crypto.cipher.message", "7", "crypto.cipher.message: expected a string" },
    };

    [Theory]
    [MemberData(nameof(Malformations))]
    public void Parse_MalformedField_ThrowsKeystoreExceptionNamingField(string field, string? value, string expected)
    {
        var json = JsonNode.Parse(Eip2335Vectors.Pbkdf2)!.AsObject();
        var names = field.Split('.');
        var parent = names[..^1].Aggregate(json, (node, name) => node[name]!.AsObject());
        if (value is null)
        {
            parent.Remove(names[^1]);
        }
        else
        {
            parent[names[^1]] = JsonNode.Parse(value);
        }

        var error = Assert.Throws<KeystoreException>(() => Keystore.Parse(json.ToJsonString()));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1, 2]")]
    public void Parse_NotAKeystoreObject_ThrowsKeystoreException(string json) =>
        Assert.Throws<KeystoreException>(() => Keystore.Parse(json));

    [Fact]
    public void Parse_ScryptCostBeyondMemoryCap_ThrowsKeystoreException()
    {
        var json = Eip2335Vectors.Scrypt.Replace("\"n\": 262144", "\"n\": 1073741824", StringComparison.Ordinal);
        var error = Assert.Throws<KeystoreException>(() => Keystore.Parse(json));
        Assert.Contains("crypto.kdf.params", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"n\": 262144", "\"n\": 1000", "crypto.kdf.params.n: 1000 is not a power of two")]
    [InlineData("\"r\": 8", "\"r\": 0", "crypto.kdf.params.r")]
    [InlineData("\"p\": 1", "\"p\": 0", "crypto.kdf.params.p")]
    public void Parse_BadScryptParameter_ThrowsKeystoreExceptionNamingIt(string original, string replacement, string expected)
    {
        var json = Eip2335Vectors.Scrypt.Replace(original, replacement, StringComparison.Ordinal);
        var error = Assert.Throws<KeystoreException>(() => Keystore.Parse(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
