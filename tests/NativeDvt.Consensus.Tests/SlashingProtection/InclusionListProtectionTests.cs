using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.SlashingProtection;

namespace NativeDvt.Consensus.Tests.SlashingProtection;

[Trait("Category", "Unit")]
public sealed class InclusionListProtectionTests
{
    private static readonly byte[] Key = [1, 2, 3], Other = [4, 5, 6];

    [Fact]
    public void CheckAndRecord_SecondListSameSlot_IsRefused_SameListIsARepeat()
    {
        var protection = new InclusionListProtection();
        Assert.Equal(SigningDecision.Allowed, protection.CheckAndRecord(Key, new Slot(5), RootOf(1)));
        Assert.True(protection.CheckAndRecord(Key, new Slot(5), RootOf(1)).IsRepeat);
        Assert.Equal(SlashingRefusal.DoubleInclusionList, protection.CheckAndRecord(Key, new Slot(5), RootOf(2)).Refusal);
        Assert.True(protection.CheckAndRecord(Key, new Slot(6), RootOf(2)).IsAllowed);
        Assert.True(protection.CheckAndRecord(Other, new Slot(5), RootOf(2)).IsAllowed);
    }

    [Fact]
    public void PruneBelow_OlderSlotsAreRefused_NewerKeepTheirRecord()
    {
        var protection = new InclusionListProtection();
        protection.CheckAndRecord(Key, new Slot(5), RootOf(1));
        protection.CheckAndRecord(Key, new Slot(9), RootOf(1));
        protection.PruneBelow(new Slot(8));
        Assert.Equal(SlashingRefusal.InclusionListBelowLowWatermark, protection.CheckAndRecord(Key, new Slot(5), RootOf(1)).Refusal);
        Assert.Equal(SlashingRefusal.DoubleInclusionList, protection.CheckAndRecord(Key, new Slot(9), RootOf(2)).Refusal);
        Assert.True(protection.CheckAndRecord(Key, new Slot(8), RootOf(2)).IsAllowed);
    }

    private static Root RootOf(byte b)
    {
        Span<byte> bytes = stackalloc byte[32];
        bytes.Fill(b);
        return new Root(bytes);
    }
}
