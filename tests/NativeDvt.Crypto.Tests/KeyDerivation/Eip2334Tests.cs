using NativeDvt.Crypto.KeyDerivation;

namespace NativeDvt.Crypto.Tests.KeyDerivation;

[Trait("Category", "Unit")]
public sealed class Eip2334Tests
{
    [Fact]
    public void SigningKeyPath_ValidatorIndex_FollowsEip2334()
    {
        Assert.Equal("m/12381/3600/7/0/0", Eip2334.SigningKeyPath(7));
        Assert.Equal("m/12381/3600/7/0", Eip2334.WithdrawalKeyPath(7));
    }

    [Fact]
    public void ParsePath_SigningPath_ReturnsIndices() =>
        Assert.Equal([12381u, 3600u, 4294967295u, 0u, 0u], Eip2334.ParsePath("m/12381/3600/4294967295/0/0"));

    [Fact]
    public void ParsePath_MasterOnly_ReturnsNoIndices() => Assert.Empty(Eip2334.ParsePath("m"));

    [Theory]
    [InlineData("", 0)]
    [InlineData("x/1", 0)]
    [InlineData("M/1", 0)]
    [InlineData("m/", 1)]
    [InlineData("m//1", 1)]
    [InlineData("m/12381/-1", 2)]
    [InlineData("m/12381/4294967296", 2)]
    [InlineData("m/12381/3600'", 2)]
    [InlineData("m/12381/+5", 2)]
    [InlineData("m/12381/05", 2)]
    [InlineData("m/12381/ 5", 2)]
    public void ParsePath_Malformed_ThrowsKeyPathExceptionNamingComponent(string path, int component)
    {
        var error = Assert.Throws<KeyPathException>(() => Eip2334.ParsePath(path));
        Assert.Contains($"component {component}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeriveSK_TwoLevels_ChainsChildDerivation()
    {
        var seed = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var expected = Eip2333.DeriveChildSK(Eip2333.DeriveChildSK(Eip2333.DeriveMasterSK(seed), 12381), 3600);
        Assert.Equal(expected, Eip2334.DeriveSK(seed, "m/12381/3600"));
    }
}
