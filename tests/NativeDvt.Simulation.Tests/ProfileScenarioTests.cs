using NativeDvt.Devnet;
using NativeDvt.Simulation.Reporting;

namespace NativeDvt.Simulation.Tests;

[Trait("Category", "Simulation")]
public sealed class ProfileScenarioTests
{
    private static SimulationReport Run(string yaml, int epochs) =>
        DevnetSimulation.Create(DevnetFileReader.Parse(yaml), new SimulationOptions(1, epochs)).Run();

    private static string LateHalves(string accounting) => $$"""
        name: late-{{accounting}}
        scheme: insecure-fast
        accounting: {{accounting}}
        groups:
          - { count: 8, n: 4, m: 3, members: [honest, honest, late 900ms, late 900ms] }
          - { count: 8, n: 1, m: 1 }
        """;

    [Fact]
    public void Run_LateHalfOfEachGroup_WholeEarnsNothingWhereComponentStillCreditsTheTarget()
    {
        // Two members see the block after their 1/3-slot deadline and vote for its parent: 2 against 2, none reaches m = 3.
        var whole = Run(LateHalves("whole"), epochs: 5);
        var component = Run(LateHalves("component"), epochs: 5);

        Assert.NotEmpty(whole.SplitVotes);
        Assert.All(whole.SplitVotes, s => Assert.True(s.LargestAgreement < 3));
        var wholeGroups = whole.ByTemplate[0];
        var componentGroups = component.ByTemplate[0];
        Assert.True(wholeGroups.TargetRate < 0.2, $"whole: target {wholeGroups.TargetRate:P0}");
        Assert.True(componentGroups.TargetRate > 0.85, $"component: target {componentGroups.TargetRate:P0}");
        Assert.True(componentGroups.Head < componentGroups.Target, "the head part is split, so component credits it less");
        Assert.Equal(0UL, whole.FinalizedEpoch);
        Assert.Equal(2UL, component.FinalizedEpoch);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Run_EquivocatingMembers_SlashedOnlyFromMMembers(int equivocators, bool slashed)
    {
        var members = string.Join(", ", Enumerable.Repeat("equivocator", equivocators).Concat(Enumerable.Repeat("honest", 4 - equivocators)));
        var report = Run($$"""
            name: equivocators
            scheme: insecure-fast
            groups:
              - { count: 2, n: 4, m: 3, members: [{{members}}] }
              - { count: 8, n: 1, m: 1 }
            """, epochs: 3);

        Assert.NotEmpty(report.MemberEquivocations);
        Assert.All(report.MemberEquivocations, e => Assert.Matches("^g[01]/m[0-2]$", e.Who));
        Assert.Equal(slashed, report.GroupSlashings.Any(s => s.Kind == "slashing included"));
        Assert.DoesNotContain(report.Refusals, r => r.Key.StartsWith("block refused", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void Run_WrongHeadBugAfterReorg_GroupActsOnlyWhileFewerThanNMinusMPlusOneHaveIt(int buggy, bool keepsActing)
    {
        // g0 is cut off and builds its own fork; at the heal it reorgs to the main chain and its buggy members keep
        // voting for the old fork's head. A 3-of-4 group survives one such member, not two (n - m + 1 = 2).
        var members = string.Join(", ", Enumerable.Repeat("bug-wrong-head-after-reorg", buggy).Concat(Enumerable.Repeat("honest", 4 - buggy)));
        var report = Run($$"""
            name: wrong-head
            scheme: insecure-fast
            groups:
              - { count: 1, n: 4, m: 3, members: [{{members}}] }
              - { count: 12, n: 1, m: 1 }
            faults:
              - { slot: 2, partition: ["g1-12", "g0"] }
              - { slot: 12, heal: true }
            """, epochs: 6);

        var group = report.ByGroup[0];
        Assert.Equal(keepsActing, group.Target >= group.GroupEpochs - 1);
        Assert.Equal(keepsActing, group.Target > 1);
    }

    private static SimulationReport RunStateRootBug(int buggy)
    {
        // From slot 8 the buggy members compute a wrong post-state root: as leaders they propose blocks honest members
        // refuse, as followers they refuse honest proposals. g0 holds a third of the stake, so it proposes often.
        var members = string.Join(", ", Enumerable.Repeat("bug-invalid-state-root from slot 8", buggy).Concat(Enumerable.Repeat("honest", 4 - buggy)));
        return Run($$"""
            name: state-root-bug
            scheme: insecure-fast
            groups:
              - { count: 1, n: 4, m: 3, members: [{{members}}] }
              - { count: 8, n: 1, m: 1 }
            """, epochs: 4);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Run_StateRootBugInFewerThanMMembers_GroupNeverCompletesAnInvalidBlock(int buggy)
    {
        var report = RunStateRootBug(buggy);

        // The bug fired: honest members refused a buggy leader's proposal.
        Assert.True(report.Refusals.GetValueOrDefault("block refused: proposal: state_transition") > 0, "the trigger never fired");
        Assert.Empty(report.InvalidBlocks);
        var group = report.ByGroup[0];
        if (buggy == 1)
        {
            // Three honest members still reach m: when the buggy member leads, an honest fallback rank fills the slot.
            Assert.Equal(group.ProposalDuties, group.Proposed);
            Assert.True(report.Proposals.ByFallbackRank > 0, "no fallback rank replaced a buggy leader");
        }
        else
        {
            Assert.All(report.MissedProposals, m => Assert.Equal(0UL, m.Group));
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Run_StateRootBugInAtLeastMMembers_GroupCompletesAnInvalidBlockThatHonestNodesRefuse(int buggy)
    {
        var report = RunStateRootBug(buggy);

        // The first block the bug breaks; the group's later blocks build on it and are refused as its descendants.
        var invalid = report.InvalidBlocks[0];
        Assert.Equal(0UL, invalid.Group);
        Assert.All(report.InvalidBlocks.Skip(1), descendant =>
        {
            Assert.Equal((0UL, 8 + 4 - buggy), (descendant.Group, descendant.RefusedBy));
            Assert.EndsWith("built on an invalid block", descendant.Reason, StringComparison.Ordinal);
        });
        Assert.True(invalid.Slot >= 8, $"invalid block at slot {invalid.Slot}, before the trigger");
        Assert.Equal((buggy, "bug-invalid-state-root"), (invalid.BuggyMembers, invalid.Profiles));
        Assert.Contains("state root does not match the post-state", invalid.Reason, StringComparison.Ordinal);
        Assert.Equal(8 + 4 - buggy, invalid.RefusedBy);
        Assert.Contains($"invalid block completed by group g0 at slot {invalid.Slot} ({buggy} members with bug-invalid-state-root)", ReportText.ToText(report), StringComparison.Ordinal);

        // Honest nodes never take the buggy fork: the solos keep every slot of theirs.
        Assert.All(report.ByGroup.Skip(1), solo => Assert.Equal(solo.ProposalDuties, solo.Proposed));
        Assert.All(report.MissedProposals, m => Assert.Equal(0UL, m.Group));
    }
}
