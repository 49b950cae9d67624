using NativeDvt.Devnet;
using NativeDvt.Simulation.Reporting;

namespace NativeDvt.Simulation.Tests;

[Trait("Category", "Unit")]
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
}
