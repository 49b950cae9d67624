using NativeDvt.Devnet;
using NativeDvt.Simulation.Reporting;

namespace NativeDvt.Simulation.Tests;

[Trait("Category", "Simulation")]
public sealed class LateProposerScenarioTests
{
    private const int Epochs = 4;
    private const ulong LastSlot = (Epochs * 8) - 1;

    // Four 3-of-4 groups (half the stake) whose blocks leave late, eight punctual solos; 2 s slots.
    private static SimulationReport Run(string delay) =>
        DevnetSimulation.Create(DevnetFileReader.Parse($$"""
            name: late-proposers
            scheme: insecure-fast
            groups:
              - { count: 4, n: 4, m: 3 }
              - { count: 8, n: 1, m: 1 }
            network:
              lateProposers:
                - { groups: g0-3, delay: {{delay}} }
            """), new SimulationOptions(1, Epochs)).Run();

    [Fact]
    public void Run_BlocksLeavingAtTwoThirdsOfTheSlot_StayCanonicalButTheirSlotLosesHeadVotes()
    {
        var punctual = Run("0ms");
        var late = Run("1400ms");

        // Nothing is missed: the late block is its parent's only child when the next proposer builds.
        Assert.Empty(late.MissedProposals);
        Assert.Equal(late.Proposals.Duties, late.Proposals.Canonical);
        Assert.Equal(0, punctual.Proposals.LateBlocks);
        Assert.True(late.Proposals.LateBlocks >= 8, $"{late.Proposals.LateBlocks} late blocks");
        Assert.True(late.Proposals.MeanSeenBy95Ms > 600, $"seen by 95% at {late.Proposals.MeanSeenBy95Ms} ms");

        // The attesters of a late block's slot voted for its parent: the head flag is lost, source and target are not.
        Assert.Equal(punctual.Participation.GroupEpochs, punctual.Participation.Head);
        Assert.True(late.Participation.Head < 0.8 * late.Participation.GroupEpochs, $"head {late.Participation.Head} of {late.Participation.GroupEpochs}");
        Assert.True(late.Participation.Target >= 0.9 * late.Participation.GroupEpochs, $"target {late.Participation.Target} of {late.Participation.GroupEpochs}");
        Assert.Equal(punctual.FinalizedEpoch, late.FinalizedEpoch);
    }

    [Fact]
    public void Run_BlocksLeavingAfterTheNextSlotStarts_AreOrphanedByTheNextProposerWithTheReason()
    {
        var report = Run("2600ms");

        Assert.NotEmpty(report.MissedProposals);
        Assert.All(report.MissedProposals, m => Assert.InRange(m.Group, 0UL, 3UL));
        // A block of the run's last slot leaves after the run ends: no other node ever imports it.
        Assert.All(report.MissedProposals.Where(m => m.Slot < LastSlot), m => Assert.StartsWith("block assembled but orphaned: late, it reached 95% of the other nodes", m.Reason, StringComparison.Ordinal));
        Assert.All(report.ByGroup.Skip(4), solo => Assert.Equal(solo.ProposalDuties, solo.Proposed));
        Assert.True(report.ByTemplate[0].Proposed < report.ByTemplate[0].ProposalDuties / 2 + 1,
            $"{report.ByTemplate[0].Proposed} of {report.ByTemplate[0].ProposalDuties} late blocks canonical");
    }
}
