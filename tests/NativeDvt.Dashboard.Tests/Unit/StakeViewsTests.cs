using NativeDvt.Dashboard.Live;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Tests.Unit;

/// <summary>Participation shares and the concentration of stake.</summary>
[Trait("Category", "Unit")]
public sealed class StakeViewsTests
{
    private static GroupSummary Group(ulong index, int m, ulong stakeEth, params GroupEpochSummary[] epochs) =>
        new(index, m, m, [], "g0-m0", new GroupChainView(0, "active", stakeEth * 1_000_000_000, stakeEth * 1_000_000_000, (ulong)m, [], epochs, false, 0, 0, ulong.MaxValue, ulong.MaxValue), [], []);

    [Fact]
    public void Concentration_OfTheSmokeDevnet_AThreeOfFourGroupAndTwoSolos()
    {
        var stake = StakeViews.Concentration([Group(0, 3, 128), Group(1, 1, 32), Group(2, 1, 32)]);

        Assert.Equal(0.5, stake.Herfindahl, 6);
        // The solos together hold exactly a third, not more: the 3-of-4 group's three members are the fewest.
        Assert.Equal(3, stake.Nakamoto);
        Assert.Equal(3, stake.NakamotoHalf);
    }

    [Fact]
    public void Nakamoto_IsTheExactMinimum_WhereTheBestStakePerMemberFirstIsNot()
    {
        // Greedy by stake per member takes g0 (20 per member) and then needs g2 as well: 2 + 4 members.
        // The fewest is g1 alone: 5 members for 45 of 100.
        var groups = new[] { Group(0, 2, 40), Group(1, 5, 45), Group(2, 4, 15) };
        var total = 100.0;
        var exact = Enumerable.Range(0, 1 << groups.Length)
            .Select(set => groups.Where((_, i) => (set & (1 << i)) != 0).ToList())
            .Where(chosen => chosen.Sum(g => (double)g.Chain!.EffectiveBalanceGwei / 1e9) > total / 2)
            .Min(chosen => chosen.Sum(g => g.M));

        Assert.Equal(exact, StakeViews.Concentration(groups).NakamotoHalf);
        Assert.Equal(2, StakeViews.Concentration(groups).Nakamoto);
    }

    [Fact]
    public void Participation_WeighsEachGroupByItsStake()
    {
        GroupSummary[] groups = [Group(0, 3, 96), Group(1, 1, 32)];
        var epochs = new Dictionary<ulong, GroupEpochSummary[]>
        {
            [0] = [new(4, true, true, false, 1, 1, 1)],
            [1] = [new(4, true, false, false, 1, 1, 1)],
        };

        var epoch = Assert.Single(StakeViews.Participation(groups, epochs));

        Assert.Equal((4ul, 1.0, 0.75, 0.0, 2), (epoch.Epoch, epoch.Source, epoch.Target, epoch.Head, epoch.Groups));
    }
}
