using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Tests.Support;

namespace NativeDvt.Consensus.Tests.StateTransition;

[Trait("Category", "Unit")]
public sealed class ChainTests
{
    [Theory]
    [InlineData(Config.AccountingPolicy.Whole, true)]
    [InlineData(Config.AccountingPolicy.Component, false)]
    public void Run_FullParticipation_JustifiesAndFinalizes(Config.AccountingPolicy accounting, bool aggregates)
    {
        var chain = TestChain.Create(SafeGroups(32), TestChain.MinimalConfig(accounting), aggregates);
        var state = chain.Run(chain.Genesis, 5 * 8);
        Assert.True(state.FinalizedCheckpoint.Epoch >= new Epoch(2), $"finalized {state.FinalizedCheckpoint.Epoch}");
        Assert.True(state.CurrentJustifiedCheckpoint.Epoch >= new Epoch(3), $"justified {state.CurrentJustifiedCheckpoint.Epoch}");
        var totalBefore = chain.Genesis.Balances.Aggregate(0UL, (a, b) => a + b);
        var totalAfter = state.Balances.Aggregate(0UL, (a, b) => a + b);
        Assert.True(totalAfter > totalBefore);
    }

    [Fact]
    public void Run_NoAttestations_NeitherJustifiesNorRewards()
    {
        var chain = TestChain.Create(SafeGroups(32));
        var state = chain.Run(chain.Genesis, 4 * 8, attest: false);
        Assert.Equal(Epoch.Zero, state.FinalizedCheckpoint.Epoch);
        Assert.Equal(Epoch.Zero, state.CurrentJustifiedCheckpoint.Epoch);
        for (var i = 0; i < state.Groups.Count; i++)
        {
            Assert.True(state.Balances[i] <= chain.Genesis.Balances[i], $"group {i} gained without attesting");
        }
    }

    [Fact]
    public void Run_BelowThresholdSigners_NoGroupEarnsAnything()
    {
        var chain = TestChain.Create(SafeGroups(32), TestChain.MinimalConfig(Config.AccountingPolicy.Component));
        var state = chain.Run(chain.Genesis, 3 * 8, signers: g => TestChain.FirstMembers(g, (int)g.Threshold - 1));
        Assert.All(state.PreviousEpochParticipation, flags => Assert.Equal(0, flags));
    }

    [Fact]
    public void HashTreeRoot_AfterCopy_IsUnchanged()
    {
        var chain = TestChain.Create(SafeGroups(16));
        var state = chain.Run(chain.Genesis, 10);
        Assert.Equal(state.HashTreeRoot(), state.Copy().HashTreeRoot());
    }

    internal static (int N, int M)[] SafeGroups(int count) =>
        [.. Enumerable.Range(0, count).Select(i => (N: 1 + (i % 6), M: ((1 + (i % 6)) / 2) + 1))];
}
