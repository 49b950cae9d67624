using NativeDvt.Crypto.Ed25519;
using NativeDvt.Crypto.Insecure;
using NativeDvt.Crypto.Registry;
using NativeDvt.Crypto.Xmss;

namespace NativeDvt.Crypto.Tests.Registry;

[Trait("Category", "Unit")]
public sealed class SignatureSchemesTests
{
    [Fact]
    public void Create_EveryKnownName_ReturnsSchemeOfThatName()
    {
        foreach (var name in SignatureSchemes.Names)
        {
            Assert.Equal(name, SignatureSchemes.Create(name, new InMemoryXmssStateStore()).Name);
        }
    }

    [Fact]
    public void Create_Names_ReturnExpectedTypes()
    {
        Assert.IsType<Ed25519Scheme>(SignatureSchemes.Create("ed25519"));
        Assert.IsType<InsecureFastScheme>(SignatureSchemes.Create("insecure-fast"));
        Assert.IsType<XmssScheme>(SignatureSchemes.Create("xmss", new InMemoryXmssStateStore()));
    }

    [Fact]
    public void Create_XmssWithoutStateStore_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => SignatureSchemes.Create("xmss"));
        Assert.Contains("state store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownName_ThrowsListingKnownNames()
    {
        var error = Assert.Throws<ArgumentException>(() => SignatureSchemes.Create("rsa"));
        Assert.Contains("ed25519", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsInsecure_OnlyForTheInsecureScheme()
    {
        Assert.True(SignatureSchemes.IsInsecure(SignatureSchemes.Create("insecure-fast")));
        Assert.False(SignatureSchemes.IsInsecure(SignatureSchemes.Create("ed25519")));
        Assert.False(SignatureSchemes.IsInsecure(SignatureSchemes.Create("xmss", new InMemoryXmssStateStore())));
    }
}
