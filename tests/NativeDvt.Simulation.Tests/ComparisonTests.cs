using NativeDvt.Consensus.State;
using NativeDvt.Crypto.Insecure;
using NativeDvt.Devnet;
using NativeDvt.Devnet.Setup;
using NativeDvt.Simulation.Comparison;

namespace NativeDvt.Simulation.Tests;

[Trait("Category", "Simulation")]
public sealed class ComparisonTests
{
    private const string Mixed = """
        name: mixed
        scheme: insecure-fast
        groups:
          - { count: 2, n: 4, m: 3, operator: big, members: [honest, offline, late 300ms, honest] }
          - { count: 2, n: 3, m: 2, balanceEth: 100 }
        solos: { count: 4, operator: small }
        network:
          lateProposers:
            - { groups: g1, delay: 800ms }
        faults:
          - { slot: 4, crash: "g0/m0, g1/m3" }
          - { slot: 6, partition: ["g2/m1", "g0"] }
        """;

    private static readonly DevnetSpec Spec = DevnetFileReader.Parse(Mixed);

    private static BeaconState Genesis(DevnetSpec spec, ulong? maxEffectiveBalance = null)
    {
        var scheme = new InsecureFastScheme();
        return DevnetSetup.Genesis(spec, DevnetSetup.Config(spec, scheme, TimeSpan.FromSeconds(2), maxEffectiveBalance), scheme, 1);
    }

    private static ulong TotalBalance(BeaconState state) => state.Balances.Aggregate(0UL, (sum, b) => sum + b);

    [Fact]
    public void AsSolos_MixedFile_OneValidatorPerMemberKeyWithTheSameStakeAndProfiles()
    {
        var solos = DevnetVariants.AsSolos(Spec);

        Assert.Equal(Spec.IdentityCount, solos.GroupCount);
        Assert.Equal(Spec.IdentityCount, solos.IdentityCount);
        Assert.All(solos.Groups, g => Assert.Equal((1, 1), (g.N, g.M)));
        Assert.Equal(TotalBalance(Genesis(Spec)), TotalBalance(Genesis(solos)));
        Assert.Equal(
            Spec.Groups.SelectMany(g => Enumerable.Repeat(g.Members, g.Count).SelectMany(m => m)).Select(p => p.ToString()).Order(),
            solos.Groups.SelectMany(g => Enumerable.Repeat(g.Members[0], g.Count)).Select(p => p.ToString()).Order());

        // Registry: g0/m0 g1/m0, g0/m1 g1/m1, g0/m2 g1/m2, g0/m3 g1/m3 (indices 0-7), then the 2-of-3 groups' keys (8-13), then the solos.
        Assert.Equal([0, 7], Selected(solos.Faults[0].Targets[0], solos.GroupCount));
        Assert.Equal([1, 3, 5, 7], Selected(solos.Network.LateProposers[0].Groups, solos.GroupCount));
        Assert.Equal([0, 2, 4, 6], Selected(solos.Faults[1].Targets[1], solos.GroupCount));
        Assert.Equal([10], Selected(solos.Faults[1].Targets[0], solos.GroupCount));
    }

    [Fact]
    public void AsConsolidated_MixedFile_OneKeyPerGroupWithTheGroupsStakeAndWeight()
    {
        var consolidated = DevnetVariants.AsConsolidated(Spec);
        var maxEffective = DevnetVariants.MaxEffectiveBalanceFor(Spec);
        var genesis = Genesis(consolidated, maxEffective);

        Assert.Equal(Spec.GroupCount, consolidated.GroupCount);
        Assert.Equal(Spec.GroupCount, consolidated.IdentityCount);
        Assert.Equal(128_000_000_000UL, maxEffective);
        Assert.Equal(TotalBalance(Genesis(Spec)), TotalBalance(genesis));
        Assert.Equal(128_000_000_000UL, genesis.Groups[0].EffectiveBalance.Value);

        // The key is run by the first member that is not offline (member 0 here), so a fault follows that member.
        Assert.Equal([0], Selected(consolidated.Faults[0].Targets[0], consolidated.GroupCount));
        Assert.Equal(ProfileKind.Honest, consolidated.Groups[0].Members[0].Kind);
    }

    [Fact]
    public void AsConsolidated_GroupThatCanNeverReachM_IsAnOfflineKey()
    {
        var spec = DevnetFileReader.Parse("""
            groups:
              - { n: 4, m: 3, members: [offline, offline, late 1s, honest] }
            """);

        var consolidated = DevnetVariants.AsConsolidated(spec);

        Assert.Equal(ProfileKind.Offline, consolidated.Groups[0].Members[0].Kind);
    }

    [Fact]
    public void Run_SmallMixedFile_ComparesTheThreeWaysOnOneSeed()
    {
        var spec = DevnetFileReader.Parse("""
            name: compare
            scheme: insecure-fast
            groups:
              - { count: 3, n: 4, m: 3, operator: big }
              - { count: 2, n: 3, m: 2 }
            solos: { count: 4 }
            """);

        var comparison = ComparisonReport.Run(spec, new SimulationOptions(5, 3));

        Assert.Equal((9, 22), (comparison.AsWritten.Groups, comparison.AsWritten.Identities));
        Assert.Equal((22, 22), (comparison.Solo.Groups, comparison.Solo.Identities));
        Assert.Equal((9, 9), (comparison.Consolidated.Groups, comparison.Consolidated.Identities));
        Assert.All([comparison.AsWritten, comparison.Solo, comparison.Consolidated], r => Assert.Equal(r.Proposals.Duties, r.Proposals.Canonical));

        // Only groups co-sign: proposals and follow signatures are the group round's traffic.
        Assert.Contains(comparison.AsWritten.Traffic, t => t.Topic == "follow_signature" && t.Published > 0);
        Assert.DoesNotContain(comparison.Solo.Traffic, t => t.Topic is "follow_signature" or "group_proposal");
        Assert.DoesNotContain(comparison.Consolidated.Traffic, t => t.Topic is "follow_signature" or "group_proposal");
        Assert.True(comparison.ExtraRoundOverSoloMs > 0, $"extra round {comparison.ExtraRoundOverSoloMs} ms");

        // Before groups: 22 keys of 32 ETH each; after: big 384 ETH, four solos and two 2-of-3 groups on their own.
        Assert.Equal(22, comparison.StakeBeforeGroups.Operators);
        Assert.Equal(1.0 / 22, comparison.StakeBeforeGroups.Herfindahl, tolerance: 1e-5);
        Assert.Equal(7, comparison.StakeAfterGroups.Operators);
        Assert.Equal(1, comparison.StakeAfterGroups.NakamotoCoefficient);

        var text = ComparisonText.ToText(comparison);
        Assert.Contains("as written", text, StringComparison.Ordinal);
        Assert.Contains("stake before groups are formed (per member key): 22 holders", text, StringComparison.Ordinal);
        Assert.Contains("\"consolidated\"", ComparisonText.ToJson(comparison), StringComparison.Ordinal);
    }

    private static int[] Selected(IdentitySelector selector, int groups) =>
        [.. Enumerable.Range(0, groups).Where(g => selector.Contains(g, 0))];
}
