using NativeDvt.Consensus.Primitives;
using NativeDvt.Crypto.Insecure;
using NativeDvt.Node.Identities;
using NativeDvt.Node.Signing;

namespace NativeDvt.Node.Tests.Protocol;

[Trait("Category", "Unit")]
public sealed class MemberSignerTests
{
    private static MemberSigner Signer() =>
        new(new InsecureFastScheme(), new byte[32], new SigningJournal(), Root.Zero);

    [Fact]
    public void SignBlock_SecondBlockForOneSlot_IsRefused()
    {
        var signer = Signer();

        var first = signer.SignBlock(new Slot(5), Root.FromHex("0x" + new string('1', 64)));
        var second = signer.SignBlock(new Slot(5), Root.FromHex("0x" + new string('2', 64)));

        Assert.NotNull(first.Signature);
        Assert.Null(second.Signature);
        Assert.NotNull(second.Refusal);
    }

    [Fact]
    public void SignBlock_BypassForTheEquivocatorProfile_SignsAnyway()
    {
        var signer = Signer();
        signer.SignBlock(new Slot(5), Root.FromHex("0x" + new string('1', 64)));

        var second = signer.SignBlock(new Slot(5), Root.FromHex("0x" + new string('2', 64)), bypassProtection: true);

        Assert.NotNull(second.Signature);
    }

    [Fact]
    public void SignInclusionList_SecondListForOneSlot_IsRefused_TheSameListIsSignedAgain()
    {
        var signer = Signer();

        var first = signer.SignInclusionList(new Slot(5), Root.FromHex("0x" + new string('1', 64)));
        var again = signer.SignInclusionList(new Slot(5), Root.FromHex("0x" + new string('1', 64)));
        var second = signer.SignInclusionList(new Slot(5), Root.FromHex("0x" + new string('2', 64)));
        var nextSlot = signer.SignInclusionList(new Slot(6), Root.FromHex("0x" + new string('2', 64)));

        Assert.NotNull(first.Signature);
        Assert.Equal(first.Signature, again.Signature);
        Assert.Null(second.Signature);
        Assert.Contains("another inclusion list", second.Refusal, StringComparison.Ordinal);
        Assert.NotNull(nextSlot.Signature);
    }
}
