namespace NativeDvt.Testing.Tests;

/// <summary>A devnet file from <c>devnets/</c> on as many silos as it names.</summary>
[Trait("Category", "Devnet")]
public sealed class SmokeDevnetTests(SmokeDevnetFixture fixture) : IClassFixture<SmokeDevnetFixture>
{
    private TestDevnet Devnet => fixture.Devnet;

    [Fact]
    public async Task SmokeFile_TwoSilos_IdentitiesSpreadOverBothAndReachEpochOne()
    {
        var statuses = await Devnet.WaitForEpochAsync(1, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, Devnet.Cluster.Silos.Count);
        Assert.Equal(["g0-m0", "g0-m1", "g0-m2", "g0-m3", "g1-m0", "g2-m0"], statuses.Select(s => s.Identity));
        Assert.Equal(2, statuses.Select(s => s.Silo).Distinct().Count());
    }

    [Fact]
    public async Task SmokeFile_EveryIdentity_HoldsTheSameGenesisHeader()
    {
        var headers = await Task.WhenAll(Devnet.Identities.Select(key => Devnet.GetHeaderAsync(key, "genesis")));

        Assert.All(headers, h => Assert.Equal(0ul, Assert.IsType<Grains.Abstractions.HeaderSummary>(h).Slot));
        Assert.Single(headers.Select(h => h!.Root).Distinct());
    }
}
