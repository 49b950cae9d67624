using NativeDvt.Devnet;
using NativeDvt.Simulation.Reporting;

namespace NativeDvt.Simulation.Tests;

[Trait("Category", "Simulation")]
public sealed class DevnetSimulationTests
{
    // The shape of devnets/mixed-64.yaml (1-of-1, 2-of-3, 3-of-4, 5-of-7, 11-of-16), fewer groups so it runs in seconds.
    private const string MixedShape = """
        name: mixed-small
        scheme: insecure-fast
        groups:
          - { count: 4, n: 1, m: 1 }
          - { count: 4, n: 3, m: 2 }
          - { count: 4, n: 4, m: 3 }
          - { count: 2, n: 7, m: 5 }
          - { count: 2, n: 16, m: 11 }
        """;

    private static SimulationReport Run(string yaml, int epochs, ulong seed = 1) =>
        DevnetSimulation.Create(DevnetFileReader.Parse(yaml), new SimulationOptions(seed, epochs)).Run();

    [Fact]
    public void Run_MixedGroupsAllHonest_FinalizesEveryEpochAfterTheSecond()
    {
        var report = Run(MixedShape, epochs: 6);

        // Justification needs epoch processing at the end of epoch 2, so epoch E finalizes at the end of E + 2.
        foreach (var epoch in report.EpochFigures.Where(e => e.Epoch >= 4))
        {
            Assert.Equal(epoch.Epoch - 2, epoch.Finalized);
        }

        Assert.Equal(3UL, report.FinalizedEpoch);
        Assert.True(report.Participation.TargetRate >= 0.99, $"target participation {report.Participation.TargetRate:P1}");
        Assert.True((double)report.Participation.Source / report.Participation.GroupEpochs >= 0.99);
        Assert.Empty(report.MissedProposals);
        Assert.Equal(report.Proposals.Duties, report.Proposals.Canonical);
        Assert.Empty(report.SplitVotes);
        Assert.Empty(report.MemberEquivocations);
        Assert.Empty(report.Refusals);
    }

    [Fact]
    public void Run_OneMemberOfEachGroupOffline_FallbackRankProposesAndNoSlotIsMissed()
    {
        // Member 0 of every 3-of-4 group is down: in about a quarter of the proposals it is the leader, and rank 1 takes over.
        var report = Run("""
            name: leader-offline
            scheme: insecure-fast
            groups:
              - { count: 12, n: 4, m: 3, members: [offline, honest, honest, honest] }
            """, epochs: 4);

        Assert.Empty(report.MissedProposals);
        Assert.True(report.Proposals.ByFallbackRank > 0, "no proposal needed a fallback rank: the scenario did not test it");
        Assert.Equal(report.Participation.GroupEpochs, report.Participation.Target);
    }

    [Fact]
    public void Run_NMinusMPlusOneMembersOffline_GroupEarnsNothingAndTheChainGoesOn()
    {
        var report = Run("""
            name: too-few
            scheme: insecure-fast
            groups:
              - { count: 1, n: 4, m: 3, members: [offline, offline, honest, honest] }
              - { count: 8, n: 4, m: 3 }
            """, epochs: 6);

        var crippled = report.ByGroup[0];
        Assert.Equal(0, crippled.Source + crippled.Target + crippled.Head);
        Assert.Equal(0, crippled.Proposed);
        Assert.All(report.MissedProposals, m => Assert.Equal(0UL, m.Group));
        Assert.All(report.MissedProposals, m => Assert.Equal("2 of 4 members up, 3 needed", m.Reason));
        Assert.All(report.ByGroup.Skip(1), g => Assert.Equal(g.GroupEpochs, g.Target));
        Assert.Equal(3UL, report.FinalizedEpoch);
    }

    [Fact]
    public void Run_SameSeed_SameReport()
    {
        const string yaml = """
            name: noisy
            scheme: insecure-fast
            accounting: component
            network:
              latency: { median: 60ms, p99: 900ms }
              loss: 0.02
            groups:
              - { count: 3, n: 4, m: 3, members: [honest, honest, late 800ms, honest] }
              - { count: 4, n: 1, m: 1 }
            """;

        var first = ReportText.ToJson(Run(yaml, epochs: 3, seed: 7));
        var second = ReportText.ToJson(Run(yaml, epochs: 3, seed: 7));
        var other = ReportText.ToJson(Run(yaml, epochs: 3, seed: 8));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Run_UnsafeThresholdPartition_BothHalvesCompleteBlocksAndTheGroupIsSlashed()
    {
        // A 2-of-4 group split in two halves: each half reaches m on its own block; after the heal the evidence is included.
        var report = Run("""
            name: unsafe
            scheme: insecure-fast
            allowUnsafeThreshold: true
            groups:
              - { count: 1, n: 4, m: 2 }
            solos:
              count: 8
            faults:
              - { slot: 2, partition: ["g0/m0-1, g1-4", "g0/m2-3, g5-8"] }
              - { slot: 24, heal: true }
            """, epochs: 5);

        Assert.Contains(report.GroupSlashings, s => s.Who == "g0" && s.Kind == "slashing included");
        Assert.Contains(report.Notes, n => n.StartsWith("WARNING", StringComparison.Ordinal));

        // The evidence names both conflicting blocks (same slot, different roots) and the members behind each: one
        // half of the partition each, never slot 0.
        var evidence = Assert.Single(report.GroupSlashings, s => s.Kind == "evidence built: double proposal");
        var (first, second) = (evidence.First!, evidence.Second!);
        Assert.Equal(first.Slot, second.Slot);
        Assert.Equal(first.Slot, evidence.Slot);
        Assert.True(first.Slot >= 2);
        Assert.NotEqual(first.Root, second.Root);
        Assert.Equal(["g0/m0", "g0/m1", "g0/m2", "g0/m3"], first.Members.Concat(second.Members).Order(StringComparer.Ordinal));
        Assert.Contains($"slot {first.Slot} root {first.Root} signed by {string.Join(", ", first.Members)} vs slot {second.Slot} root {second.Root}", ReportText.ToText(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnsafeThresholdHoldingHalfTheStake_BothSidesFinalizeAndTheGroupIsSlashedForItsDoubleVoteAfterTheHeal()
    {
        // The 2-of-4 group holds half the stake, so each side of the partition (two members and two solos) holds 3/4 of
        // it and finalizes its own checkpoints: the two sides never reorganise onto one chain. Their complete votes for
        // one target epoch only meet as gossip for a target the other side does not know, which is still evidence.
        var report = Run("""
            name: unsafe-half
            scheme: insecure-fast
            allowUnsafeThreshold: true
            groups:
              - { count: 1, n: 4, m: 2 }
            solos:
              count: 4
            faults:
              - { slot: 8, partition: ["g0/m0-1, g1-2", "g0/m2-3, g3-4"] }
              - { slot: 40, heal: true }
            """, epochs: 7);

        Assert.True(report.EpochFigures.Where(e => e.Epoch <= 5).Max(e => e.Finalized) >= 2, "the reference side finalized during the partition");
        var evidence = Assert.Single(report.GroupSlashings, s => s.Kind == "evidence built: double vote");
        Assert.True(evidence.Slot >= 40, $"evidence at slot {evidence.Slot}, before the heal");
        Assert.Equal(["g0/m0", "g0/m1", "g0/m2", "g0/m3"], evidence.First!.Members.Concat(evidence.Second!.Members).Order(StringComparer.Ordinal));
        Assert.Contains(report.GroupSlashings, s => s.Who == "g0" && s.Kind == "slashing included");
    }

    [Fact]
    public void Run_UnsafeThresholdNeitherSideFinalizes_TheLosingForksBlocksCarryTheDoubleVoteAfterTheHeal()
    {
        // A 1-of-4 group is a fifth of the stake: neither side finalizes, and after the heal both reorganise onto one
        // chain and vote alike. The partition's conflicting complete votes meet only inside the blocks of the fork left.
        var report = Run("""
            name: unsafe-fifth
            scheme: insecure-fast
            allowUnsafeThreshold: true
            ilCommitteeSize: 0
            groups:
              - { count: 1, n: 4, m: 1 }
            solos:
              count: 16
            faults:
              - { slot: 8, partition: ["g0/m0-1, g1-8", "g0/m2-3, g9-16"] }
              - { slot: 40, heal: true }
            """, epochs: 7);

        Assert.Equal(0ul, report.EpochFigures.Where(e => e.Epoch <= 5).Max(e => e.Finalized));
        var evidence = Assert.Single(report.GroupSlashings, s => s.Kind == "evidence built: double vote");
        Assert.InRange(evidence.Slot, 8ul, 40ul);
        Assert.Equal(["g0/m0", "g0/m1", "g0/m2", "g0/m3"], evidence.First!.Members.Concat(evidence.Second!.Members).Order(StringComparer.Ordinal));
        Assert.Contains(report.GroupSlashings, s => s.Who == "g0" && s.Kind == "slashing included" && s.Slot > 40);
    }

    [Fact]
    public void Run_OperatorsAndGroups_StakeAndRevealFiguresFollowTheFile()
    {
        var report = Run("""
            name: stake
            scheme: insecure-fast
            groups:
              - { count: 2, n: 4, m: 3, operator: big }
              - { count: 4, n: 1, m: 1, operator: small }
              - { count: 1, n: 4, m: 3, members: [offline, honest, honest, honest] }
            """, epochs: 2);

        // Stake: big 256 ETH, small 128, the unnamed group 128 (its own operator): shares 1/2, 1/4, 1/4.
        Assert.Equal(new StakeFigures(3, 0.375, 1), report.Stake);
        Assert.InRange(report.Proposals.MeanRevealChoices, 1.0, 4.0);
    }
}
