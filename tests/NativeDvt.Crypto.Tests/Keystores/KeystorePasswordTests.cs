using System.Text;
using NativeDvt.Crypto.Keystores;

namespace NativeDvt.Crypto.Tests.Keystores;

[Trait("Category", "Unit")]
public sealed class KeystorePasswordTests
{
    [Fact]
    public void Process_EipPassword_IsNfkdNormalized() =>
        Assert.Equal("testpassword\U0001F511", Encoding.UTF8.GetString(KeystorePassword.Process(Eip2335Vectors.Password)));

    [Fact]
    public void Process_ControlCodes_AreStripped() =>
        Assert.Equal("abc", Encoding.UTF8.GetString(KeystorePassword.Process("a\u0000b\u001f\u007f\u0080\u009fc")));

    [Fact]
    public void Process_NormalizationUnavailableAsciiPassword_PassesThrough() =>
        Assert.Equal("pass word", Encoding.UTF8.GetString(KeystorePassword.Process("pass \u0001word", normalizationWorks: false)));

    [Fact]
    public void Process_NormalizationUnavailableNonAsciiPassword_ThrowsKeystoreException()
    {
        var error = Assert.Throws<KeystoreException>(() => KeystorePassword.Process(Eip2335Vectors.Password, normalizationWorks: false));
        Assert.Contains("InvariantGlobalization", error.Message, StringComparison.Ordinal);
    }
}
