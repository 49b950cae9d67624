using NativeDvt.Libp2p.Core.Multiformats;

namespace NativeDvt.Libp2p.Tests.Core;

[Trait("Category", "Unit")]
public sealed class VarintTests
{
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(1UL, "01")]
    [InlineData(127UL, "7f")]
    [InlineData(128UL, "8001")]
    [InlineData(255UL, "ff01")]
    [InlineData(300UL, "ac02")]
    [InlineData(16384UL, "808001")]
    [InlineData(Varint.MaxValue, "ffffffffffffffff7f")]
    public void Encode_KnownValues_MatchSpecBytes(ulong value, string hex)
    {
        Assert.Equal(hex, Convert.ToHexStringLower(Varint.Encode(value)));
        Assert.Equal(value, Varint.Read(Convert.FromHexString(hex), out var consumed));
        Assert.Equal(hex.Length / 2, consumed);
    }

    [Theory]
    [InlineData("", VarintStatus.NeedMoreData)]
    [InlineData("80", VarintStatus.NeedMoreData)]
    [InlineData("8000", VarintStatus.NotMinimal)]
    [InlineData("ff00", VarintStatus.NotMinimal)]
    [InlineData("ffffffffffffffffff01", VarintStatus.TooLong)]
    public void TryRead_Malformed_ReportsWhy(string hex, VarintStatus expected)
    {
        Assert.Equal(expected, Varint.TryRead(Convert.FromHexString(hex), out _, out _));
    }

    [Fact]
    public void Read_Truncated_ThrowsMultiformatExceptionNamingField()
    {
        var e = Assert.Throws<MultiformatException>(() => Varint.Read([0x80], out _, "length"));
        Assert.Contains("length", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_Above63Bits_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Varint.Encode(ulong.MaxValue));
    }
}
