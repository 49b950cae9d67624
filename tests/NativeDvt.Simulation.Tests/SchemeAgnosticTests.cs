using NativeDvt.Devnet;

namespace NativeDvt.Simulation.Tests;

/// <summary>
/// The proposal's claim that nothing depends on the signature scheme, checked by running one chain
/// on each real scheme: BLS (one aggregate per group signature), Ed25519 and XMSS (one signature per
/// member, 68-byte keys and 2,500-byte signatures for XMSS).
/// </summary>
[Trait("Category", "Simulation")]
public sealed class SchemeAgnosticTests
{
    [Theory]
    [InlineData("bls")]
    [InlineData("ed25519")]
    [InlineData("xmss")]
    public void Run_SameChainOnEachRealScheme_FinalizesWithFullParticipation(string scheme)
    {
        var spec = DevnetFileReader.Parse($$"""
            name: schemes
            scheme: {{scheme}}
            groups:
              - { count: 2, n: 4, m: 3 }
            solos:
              count: 8
            """);

        var report = DevnetSimulation.Create(spec, new SimulationOptions(1, 6)).Run();

        Assert.Equal(scheme, report.Scheme);
        // The exact epoch depends on the shuffle, which follows RANDAO and so each scheme's signature
        // bytes: whether heavy groups' last-slot votes land before an epoch boundary shifts finality by one.
        Assert.True(report.FinalizedEpoch >= 2, $"finalized only epoch {report.FinalizedEpoch}");
        Assert.Empty(report.MissedProposals);
        Assert.Empty(report.Refusals);
        Assert.Equal(report.Participation.GroupEpochs, report.Participation.Target);
    }
}
