using NativeDvt.Grains.Identities;

namespace NativeDvt.Grains.Tests;

[Trait("Category", "Unit")]
public sealed class IdentityDealingTests
{
    [Theory]
    [InlineData(2, 4)]
    [InlineData(3, 7)]
    [InlineData(4, 16)]
    public void SiloIndex_EveryGroup_SpreadsItsMembersEvenlyOverTheSilos(int silos, int n)
    {
        for (var group = 0UL; group < 10; group++)
        {
            var counts = new int[silos];
            for (var member = 0; member < n; member++)
            {
                counts[IdentityDealing.SiloIndex($"g{group}-m{member}", silos)!.Value]++;
            }

            // A dead silo takes at most ceil(n / silos) members of any group with it.
            Assert.True(counts.Max() - counts.Min() <= 1, $"g{group}: {string.Join(",", counts)}");
        }
    }

    [Fact]
    public void SiloIndex_SolosOverTwoSilos_Alternate()
    {
        Assert.Equal([0, 1, 0, 1], Enumerable.Range(0, 4).Select(g => IdentityDealing.SiloIndex($"g{g}-m0", 2)));
    }

    [Fact]
    public void SiloIndex_NotAnIdentityKey_IsNull()
    {
        Assert.Null(IdentityDealing.SiloIndex("devnet", 2));
        Assert.Null(IdentityDealing.SiloIndex("g1-x2", 2));
    }

    [Fact]
    public void Order_AnyInputOrder_SameOrder()
    {
        var a = SiloAddress.FromParsableString("127.0.0.1:11111@1");
        var b = SiloAddress.FromParsableString("127.0.0.1:11112@1");
        var c = SiloAddress.FromParsableString("127.0.0.2:11111@1");

        Assert.Equal(IdentityDealing.Order([c, a, b]), IdentityDealing.Order([b, c, a]));
    }
}
