using System.Collections.Immutable;
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

    [Fact]
    public void SiloFor_OneOfThreeDies_OnlyItsIdentitiesMove()
    {
        SiloAddress[] silos = [Silo(1), Silo(2), Silo(3)];
        var keys = Enumerable.Range(0, 6).SelectMany(g => Enumerable.Range(0, 4).Select(m => $"g{g}-m{m}")).ToList();
        var before = keys.ToDictionary(k => k, k => IdentityDealing.SiloFor(k, Snapshot(silos, dead: null)));

        var after = keys.ToDictionary(k => k, k => IdentityDealing.SiloFor(k, Snapshot(silos, dead: silos[1])));

        Assert.All(keys.Where(k => !before[k]!.Equals(silos[1])), k => Assert.Equal(before[k], after[k]));
        var moved = keys.Where(k => before[k]!.Equals(silos[1])).ToList();
        Assert.Equal(8, moved.Count);
        Assert.All(moved, k => Assert.NotEqual(silos[1], after[k]));
        // The dead silo's identities spread over both survivors.
        Assert.Equal(2, moved.Select(k => after[k]).Distinct().Count());
    }

    [Fact]
    public void SiloFor_NoDeath_IsTheModuloDealing()
    {
        SiloAddress[] silos = [Silo(1), Silo(2)];

        Assert.Equal([silos[0], silos[1], silos[0], silos[1]], Enumerable.Range(0, 4).Select(g => IdentityDealing.SiloFor($"g{g}-m0", Snapshot(silos, dead: null))));
        Assert.Null(IdentityDealing.SiloFor("devnet", Snapshot(silos, dead: null)));
        Assert.Null(IdentityDealing.SiloFor("g0-m0", Snapshot([silos[0]], dead: silos[0])));
    }

    private static SiloAddress Silo(int port) => SiloAddress.FromParsableString($"127.0.0.1:{11110 + port}@1");

    private static ClusterMembershipSnapshot Snapshot(SiloAddress[] silos, SiloAddress? dead) => new(
        silos.ToImmutableDictionary(s => s, s => new ClusterMember(s, s.Equals(dead) ? SiloStatus.Dead : SiloStatus.Active, $"silo-{s.Endpoint.Port}")),
        new MembershipVersion(1));
}
