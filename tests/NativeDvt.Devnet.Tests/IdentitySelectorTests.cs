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

    [Fact]
    public void OfGroups_Groups_SelectsEveryMemberOfThoseAndNothingElse()
    {
        var selector = IdentitySelector.OfGroups([7, 2, 7]);

        Assert.Equal("g2, g7", selector.Text);
        Assert.True(selector.Contains(2, 15) && selector.Contains(7, 0) && selector.ContainsGroup(7));
        Assert.False(selector.Contains(3, 0));
        Assert.Equal(7, selector.MaxGroup);
    }

    [Fact]
    public void OfGroups_None_SelectsNothing()
    {
        var selector = IdentitySelector.OfGroups([]);

        Assert.Equal("none", selector.Text);
        Assert.False(selector.Contains(0, 0) || selector.ContainsGroup(0));
        Assert.Equal(-1, selector.MaxGroup);
    }
}
