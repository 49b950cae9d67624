using NativeDvt.Devnet;

namespace NativeDvt.Simulation.Tests;

[Trait("Category", "Simulation")]
public sealed class ViewPackingTests
{
    private const string Honest = """
        name: packed-small
        scheme: insecure-fast
        groups:
          - { count: 6, n: 1, m: 1 }
          - { count: 4, n: 3, m: 2 }
          - { count: 4, n: 4, m: 3 }
          - { count: 2, n: 7, m: 5 }
        """;

    private const string WithFaults = """
        name: packed-faults
        scheme: insecure-fast
        groups:
          - { count: 3, n: 4, m: 3, members: [honest, late 300ms, honest, offline] }
          - { count: 6, n: 3, m: 2 }
          - { count: 4, n: 1, m: 1 }
        network:
          views: 4
          lateProposers:
            - { groups: g4, delay: 500ms }
        faults:
          - { slot: 9, crash: g5/m1 }
          - { slot: 12, restart: g5/m1 }
        """;

    [Fact]
    public void Run_HonestFilePacked_SameFinalityParticipationAndBlocks()
    {
        var spec = DevnetFileReader.Parse(Honest);
        var alone = DevnetSimulation.Create(spec, new SimulationOptions(3, 5)).Run();
        var packed = DevnetSimulation.Create(spec, new SimulationOptions(3, 5) { Views = 7 });
        var report = packed.Run();

        Assert.Equal(7, packed.Nodes.Count);
        Assert.Equal(alone.EpochFigures, report.EpochFigures);
        Assert.Equal(alone.ByGroup, report.ByGroup);
        Assert.Equal(alone.Proposals.Canonical, report.Proposals.Canonical);
        Assert.Equal(alone.MissedProposals, report.MissedProposals);
        Assert.Empty(report.SplitVotes);
        Assert.Empty(report.Refusals);
        Assert.Equal(2UL, report.FinalizedEpoch);
    }

    [Fact]
    public void Assign_FileWithFaults_NeverPacksTwoMembersOfOneGroupNorANamedOrFaultyMember()
    {
        var spec = DevnetFileReader.Parse(WithFaults);

        var views = ViewPacking.Assign(spec, spec.Network.Views!.Value);

        var index = 0;
        for (var group = 0; group < spec.GroupCount; group++)
        {
            var template = spec.TemplateOf(group);
            var packed = new List<int>();
            for (var member = 0; member < template.N; member++, index++)
            {
                var named = group == 4 || (group == 5 && member == 1) || template.Members[member].Kind != ProfileKind.Honest;
                Assert.True(named == views[index] is null, $"g{group}/m{member}: named {named}, view {views[index]}");
                if (views[index] is { } view)
                {
                    packed.Add(view);
                }
            }

            Assert.Equal(packed.Count, packed.Distinct().Count());
        }
    }

    [Fact]
    public void Create_FileWithFaultsPacked_EveryNodeServesDistinctGroups()
    {
        var spec = DevnetFileReader.Parse(WithFaults);
        var simulation = DevnetSimulation.Create(spec, new SimulationOptions(1, 1));

        Assert.All(simulation.Nodes, n => Assert.Equal(n.Identities.Count, n.Identities.Select(i => i.Group).Distinct().Count()));
        Assert.Equal(spec.IdentityCount, simulation.Nodes.Sum(n => n.Identities.Count));
        Assert.True(simulation.Nodes.Count < spec.IdentityCount);
    }

    [Fact]
    public void Create_TooFewViews_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => DevnetSimulation.Create(DevnetFileReader.Parse(Honest), new SimulationOptions(1, 1) { Views = 6 }));

        Assert.Contains("7 members", error.Message, StringComparison.Ordinal);
    }
}
