using System.Text;
using NativeDvt.Crypto.Xmss;

namespace NativeDvt.Crypto.Tests.Xmss;

/// <summary>A signature from another XMSS implementation (Botan) checks our WOTS+, L-tree, ADRS and H_msg against RFC 8391.</summary>
[Trait("Category", "Vectors")]
public sealed class XmssBotanVectorTests
{
    private readonly XmssScheme _scheme = new(new InMemoryXmssStateStore());

    [Fact]
    public void Verify_BotanSignature_ReturnsTrue() =>
        Assert.True(_scheme.Verify(Convert.FromHexString(BotanXmssVector.PublicKey), Encoding.ASCII.GetBytes(BotanXmssVector.Message), Convert.FromHexString(BotanXmssVector.Signature)));

    [Fact]
    public void Verify_BotanSignatureOverOtherMessage_ReturnsFalse() =>
        Assert.False(_scheme.Verify(Convert.FromHexString(BotanXmssVector.PublicKey), Encoding.ASCII.GetBytes(BotanXmssVector.Message + "!"), Convert.FromHexString(BotanXmssVector.Signature)));
}
