namespace NativeDvt.Devnet.Tests;

[Trait("Category", "Unit")]
public sealed class IdentitySelectorTests
{
    [Theory]
    [InlineData("all", 9, 15, true)]
    [InlineData("g5", 5, 3, true)]
    [InlineData("g5", 6, 0, false)]
    [InlineData("g0-7", 7, 0, true)]
    [InlineData("g0-7", 8, 0, false)]
    [InlineData("g3/m1", 3, 1, true)]
    [InlineData("g3/m1", 3, 2, false)]
    [InlineData("g0/m0-1, g4", 0, 1, true)]
    [InlineData("g0/m0-1, g4", 0, 2, false)]
    [InlineData("g0/m0-1, g4", 4, 9, true)]
    public void Contains_Selector_MatchesWrittenNodes(string text, int group, int member, bool expected) =>
        Assert.Equal(expected, IdentitySelector.Parse(text).Contains(group, member));

    [Theory]
    [InlineData("g")]
    [InlineData("m3")]
    [InlineData("g3/x1")]
    [InlineData("g7-2")]
    [InlineData("g1/m1/m2")]
    [InlineData("g-1")]
    public void Parse_Malformed_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => IdentitySelector.Parse(text));
}
