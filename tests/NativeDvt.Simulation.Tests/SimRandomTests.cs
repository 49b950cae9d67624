namespace NativeDvt.Simulation.Tests;

[Trait("Category", "Unit")]
public sealed class SimRandomTests
{
    [Fact]
    public void NextULong_SameSeed_SameSequence()
    {
        var a = new SimRandom(42);
        var b = new SimRandom(42);

        Assert.Equal(Enumerable.Range(0, 100).Select(_ => a.NextULong()), Enumerable.Range(0, 100).Select(_ => b.NextULong()));
    }

    [Fact]
    public void NextULong_Seed1_MatchesPinnedSequence()
    {
        // Our own output, pinned: a change to the generator would silently change every seeded
        // experiment, so it must fail here first.
        var random = new SimRandom(1);

        Assert.Equal([12966619160104079557UL, 9600361134598540522UL, 10590380919521690900UL], new[] { random.NextULong(), random.NextULong(), random.NextULong() });
    }

    [Fact]
    public void Next_Bound_StaysInRangeAndCoversIt()
    {
        var random = new SimRandom(7);
        var seen = new int[10];
        for (var i = 0; i < 10_000; i++)
        {
            seen[random.Next(10)]++;
        }

        Assert.All(seen, count => Assert.InRange(count, 850, 1150));
    }

    [Fact]
    public void NextNormal_ManyDraws_HaveMeanZeroAndUnitVariance()
    {
        var random = new SimRandom(3);
        var draws = Enumerable.Range(0, 50_000).Select(_ => random.NextNormal()).ToArray();
        var mean = draws.Average();
        var variance = draws.Select(d => (d - mean) * (d - mean)).Average();

        Assert.InRange(mean, -0.02, 0.02);
        Assert.InRange(variance, 0.97, 1.03);
    }

    [Fact]
    public void Fork_DifferentStreams_Diverge()
    {
        var parent = new SimRandom(5);
        var a = parent.Fork(1);
        var b = new SimRandom(5).Fork(2);

        Assert.NotEqual(a.NextULong(), b.NextULong());
    }
}
