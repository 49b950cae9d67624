using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.SlashingProtection;
using NativeDvt.Node.Signing;

namespace NativeDvt.Node.Tests.Signing;

[Trait("Category", "Unit")]
public sealed class RecordCodecTests
{
    private static readonly Root RootA = Root.FromHex("0x" + new string('a', 64));

    [Fact]
    public void ValidatorHistory_WithRecordsAndWatermarks_RoundTrips()
    {
        var history = new ValidatorHistory(
            [new SignedBlockRecord(new Slot(7), RootA), new SignedBlockRecord(new Slot(9), null)],
            [new SignedAttestationRecord(new Epoch(1), new Epoch(2), null), new SignedAttestationRecord(new Epoch(2), new Epoch(3), RootA)],
            0)
        {
            PrunedBlockSlot = new Slot(5),
            PrunedTargetEpoch = new Epoch(1),
        };

        var decoded = ValidatorHistoryCodec.Decode(ValidatorHistoryCodec.Encode(history), 4);

        Assert.Equal(history.Blocks, decoded.Blocks);
        Assert.Equal(history.Attestations, decoded.Attestations);
        Assert.Equal(new Slot(5), decoded.PrunedBlockSlot);
        Assert.Null(decoded.PrunedSourceEpoch);
        Assert.Equal(new Epoch(1), decoded.PrunedTargetEpoch);
        Assert.Equal(4, decoded.Version);
    }

    [Fact]
    public void ValidatorHistory_TruncatedOrPadded_IsAFormatErrorNamingTheRecord()
    {
        var bytes = ValidatorHistoryCodec.Encode(ValidatorHistory.Empty with { Blocks = [new SignedBlockRecord(new Slot(7), RootA)] });

        for (var length = 0; length < bytes.Length; length++)
        {
            var error = Assert.Throws<FormatException>(() => ValidatorHistoryCodec.Decode(bytes.AsSpan(0, length), 1));
            Assert.Contains("slashing-protection history", error.Message, StringComparison.Ordinal);
        }

        Assert.Throws<FormatException>(() => ValidatorHistoryCodec.Decode([.. bytes, 0], 1));
    }

    [Fact]
    public void InclusionListRecord_RoundTrips_AndRejectsGarbage()
    {
        (Slot, Root)[] records = [(new Slot(3), RootA), (new Slot(4), Root.Zero)];

        var (watermark, decoded) = InclusionListRecordCodec.Decode(InclusionListRecordCodec.Encode(new Slot(2), records));

        Assert.Equal(new Slot(2), watermark);
        Assert.Equal(records, decoded);
        Assert.Throws<FormatException>(() => InclusionListRecordCodec.Decode([2, 0, 0]));
    }
}
