using NativeDvt.Devnet;
using NativeDvt.Simulation.Reporting;

namespace NativeDvt.Simulation.Tests;

[Trait("Category", "Simulation")]
public sealed class RaceScenarioTests
{
    private static SimulationReport Run(string latency) =>
        DevnetSimulation.Create(DevnetFileReader.Parse($$"""
            name: race
            scheme: insecure-fast
            proposalPolicy: race
            network:
              latency: {{latency}}
            groups:
              - { count: 4, n: 1, m: 1 }
              - { count: 4, n: 3, m: 2 }
              - { count: 4, n: 4, m: 3 }
              - { count: 2, n: 7, m: 5 }
              - { count: 2, n: 16, m: 11 }
            """), new SimulationOptions(1, 3)).Run();

    [Fact]
    public void Run_RaceOnAQuietNetwork_EveryMemberProposesAndTheBestRankedProposalFillsTheSlot()
    {
        var report = Run("50ms");

        // Proposals reach everyone before the deadline, so every member votes for the same one.
        Assert.True(report.Proposals.Canonical >= 0.9 * report.Proposals.Duties, $"{report.Proposals.Canonical} of {report.Proposals.Duties} slots");
        Assert.DoesNotContain(report.MissedProposals, m => m.Reason.StartsWith("split", StringComparison.Ordinal));
        Assert.Empty(report.MemberEquivocations);
        Assert.DoesNotContain(report.Refusals, r => r.Key.StartsWith("signature refused", StringComparison.Ordinal));

        // Every member of a proposing group gossips a proposal: more proposals than slots.
        var proposals = report.Traffic.Single(t => t.Topic == "group_proposal");
        Assert.True(proposals.PublishedPerSlot > 2, $"{proposals.PublishedPerSlot} proposals per slot");
    }

    [Fact]
    public void Run_RaceWithLatencyBeyondTheDeadline_MembersVoteForTheirOwnProposalsAndSplit()
    {
        var report = Run("400ms");

        // Each member of a group of m >= 2 sees only its own proposal at the deadline: k proposals, none reaches m.
        var splits = report.MissedProposals.Where(m => m.Reason.StartsWith("split: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(splits);
        Assert.All(splits, s => Assert.InRange(s.Group, 4UL, 15UL));
        Assert.All(report.ByTemplate.Skip(1), t => Assert.Equal(0, t.Proposed));
        Assert.All(report.MissedProposals, m => Assert.Matches("^split: [0-9]+ proposals, none reached m signatures$", m.Reason));
        Assert.Empty(report.GroupSlashings);
    }
}
