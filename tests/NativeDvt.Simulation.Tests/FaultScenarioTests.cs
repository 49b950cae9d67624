using NativeDvt.Devnet;

namespace NativeDvt.Simulation.Tests;

[Trait("Category", "Simulation")]
public sealed class FaultScenarioTests
{
    [Fact]
    public void Run_CrashAndRestart_NodeCatchesUpByFetchingMissedBlocks()
    {
        var simulation = DevnetSimulation.Create(DevnetFileReader.Parse("""
            name: crash
            scheme: insecure-fast
            groups:
              - { count: 6, n: 4, m: 3 }
            faults:
              - { slot: 4, crash: g0/m0 }
              - { slot: 12, restart: g0/m0 }
            """), new SimulationOptions(3, 3));

        var report = simulation.Run();

        Assert.True(simulation.BlocksFetched > 0, "the restarted node fetched nothing");
        Assert.Equal(simulation.Nodes[1].Head, simulation.Nodes[0].Head);
        Assert.Empty(report.MissedProposals);
    }
}
