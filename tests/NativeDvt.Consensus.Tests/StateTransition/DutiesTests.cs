using NativeDvt.Consensus.Duties;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Tests.Support;

namespace NativeDvt.Consensus.Tests.StateTransition;

[Trait("Category", "Unit")]
public sealed class DutiesTests
{
    [Fact]
    public void ProposerDuties_MatchTheProposerSeenAtEachSlot()
    {
        var chain = TestChain.Create([.. Enumerable.Repeat((3, 2), 16)]);
        var state = chain.Run(chain.Genesis, 9);
        var duties = GroupDuties.ProposerDuties(state);
        Assert.Equal(8, duties.Count);
        Assert.Equal(state.GetBeaconProposerIndex(), duties.Single(d => d.Slot == state.Slot).Proposer);
    }

    [Fact]
    public void AttesterDuty_EveryActiveGroup_HasExactlyOneSlotPerEpoch()
    {
        var chain = TestChain.Create([.. Enumerable.Repeat((3, 2), 40)]);
        var state = chain.Genesis;
        var slots = Enumerable.Range(0, 40).Select(i => GroupDuties.AttesterDuty(state, Epoch.Zero, new GroupIndex((ulong)i))).ToArray();
        Assert.All(slots, duty => Assert.NotNull(duty));
        var perSlot = slots.GroupBy(d => d!.Value.Slot).Select(g => g.Count()).ToArray();
        Assert.Equal(8, perSlot.Length);
        Assert.All(perSlot, c => Assert.Equal(5, c));
    }

    [Fact]
    public void RankMembers_IsAPermutationAndDeterministic()
    {
        var chain = TestChain.Create([(16, 9), (5, 3)]);
        var ranking = GroupDuties.RankMembers(chain.Genesis, new Slot(3), GroupIndex.Zero);
        Assert.Equal(Enumerable.Range(0, 16), ranking.Order());
        Assert.Equal(ranking, GroupDuties.RankMembers(chain.Genesis.Copy(), new Slot(3), GroupIndex.Zero));
        Assert.NotEqual(ranking, GroupDuties.RankMembers(chain.Genesis, new Slot(4), GroupIndex.Zero));
    }
}
