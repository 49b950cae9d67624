using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Genesis;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Tests.Support;

namespace NativeDvt.Consensus.Tests.Genesis;

[Trait("Category", "Unit")]
public sealed class GenesisBuilderTests
{
    private const ulong Eth32 = 32_000_000_000;

    [Fact]
    public void Build_GroupsAndSolos_AllActiveWithWeightProportionalToN()
    {
        var config = TestChain.MinimalConfig();
        GenesisGroup[] groups =
        [
            new([TestChain.MemberKey(0, 0), TestChain.MemberKey(0, 1), TestChain.MemberKey(0, 2)], 2, new Gwei(3 * Eth32)),
            GenesisGroup.Solo(TestChain.MemberKey(1, 0), new Gwei(Eth32)),
            GenesisGroup.Solo(TestChain.MemberKey(2, 0), new Gwei(40 * Eth32)),
        ];
        var (state, error) = GenesisBuilder.Build(config, groups, 1_700_000_000, Root.Zero);
        Assert.Null(error);
        Assert.Equal(3, state!.Groups.Count);
        Assert.All(state.Groups.Entries, g => Assert.True(g.IsActive(Epoch.Zero)));
        Assert.Equal(new Gwei(3 * Eth32), state.Groups[0].EffectiveBalance);
        Assert.Equal(new Gwei(Eth32), state.Groups[2].EffectiveBalance);
        Assert.Equal(state.GroupRegistryRoot(), state.GenesisValidatorsRoot);
    }

    [Fact]
    public void Build_UnsafeThreshold_RejectedUnlessAllowed()
    {
        GenesisGroup[] groups = [new([TestChain.MemberKey(0, 0), TestChain.MemberKey(0, 1)], 1, new Gwei(2 * Eth32))];
        var (rejected, error) = GenesisBuilder.Build(TestChain.MinimalConfig(), groups, 0, Root.Zero);
        Assert.Null(rejected);
        Assert.Contains("unsafe", error, StringComparison.Ordinal);
        var (accepted, none) = GenesisBuilder.Build(TestChain.MinimalConfig(allowUnsafe: true), groups, 0, Root.Zero);
        Assert.Null(none);
        Assert.NotNull(accepted);
    }

    [Fact]
    public void Build_KeyInTwoGroups_IsRejected()
    {
        GenesisGroup[] groups = [GenesisGroup.Solo(TestChain.MemberKey(0, 0), new Gwei(Eth32)), GenesisGroup.Solo(TestChain.MemberKey(0, 0), new Gwei(Eth32))];
        Assert.Contains("is already used by another group", GenesisBuilder.Build(TestChain.MinimalConfig(), groups, 0, Root.Zero).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BalanceBelowNTimesMinimum_IsRejected()
    {
        GenesisGroup[] groups = [new([TestChain.MemberKey(0, 0), TestChain.MemberKey(0, 1), TestChain.MemberKey(0, 2)], 2, new Gwei((3 * Eth32) - 1))];
        Assert.Contains("is below n x MIN_ACTIVATION_BALANCE", GenesisBuilder.Build(TestChain.MinimalConfig(), groups, 0, Root.Zero).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PayloadOverPresetLimit_IsRejected()
    {
        var config = TestChain.MinimalConfig() with { PayloadBytes = Preset.Minimal.MaxPayloadBytes + 1 };
        var (state, error) = GenesisBuilder.Build(config, [GenesisGroup.Solo(TestChain.MemberKey(0, 0), new Gwei(Eth32))], 0, Root.Zero);
        Assert.Null(state);
        Assert.Contains("payload", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Presets_Devnet_MatchesProtocolTable()
    {
        var preset = Preset.Devnet;
        Assert.Equal(2UL, preset.SecondsPerSlot);
        Assert.Equal(8UL, preset.SlotsPerEpoch);
        Assert.Equal(Eth32, preset.MinActivationBalance);
        Assert.Equal(16UL, preset.MaxGroupSize);
        Assert.Equal(16UL, preset.RotationSlashabilityEpochs);
        Assert.Equal(16UL, preset.InclusionListCommitteeSize);
        Assert.Equal(40UL, preset.ProposerScoreBoost);
        Assert.Equal(166UL, ChainConfig.Devnet.LeaderTimeoutMilliseconds);
    }
}
