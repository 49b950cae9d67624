using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Proposals;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.StateTransition.PerSlot;
using NativeDvt.Consensus.Tests.Support;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.Tests.StateTransition;

[Trait("Category", "Unit")]
public sealed class GroupProposalTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LeaderAndFollowers_ReachingThreshold_AssembleAValidBlock(bool aggregates)
    {
        var chain = TestChain.Create([.. Enumerable.Repeat((5, 3), 16)], aggregates: aggregates);
        var unsigned = chain.ProduceBlock(chain.Genesis, new Slot(1)).Message;
        var state = chain.Genesis.Copy();
        PerSlotProcessing.ProcessSlots(state, new Slot(1));
        var group = state.Groups[unsigned.ProposerIndex];
        var blockRoot = SszRoots.Of(unsigned, chain.Preset);
        var signingRoot = GroupProposals.BlockSigningRoot(state, unsigned.Slot, blockRoot);
        Bytes SignBy(int member) => InsecureTestScheme.Sign(group.Pubkeys[member], signingRoot);

        var proposal = new GroupProposal(unsigned, 4, SignBy(4));
        Assert.Null(GroupProposals.CheckLeaderSignature(state, proposal, chain.Scheme));
        int[] followers = [1, 2];
        var follows = followers.Select(m => new FollowSignature(unsigned.Slot, unsigned.ProposerIndex, (ulong)m, blockRoot, SignBy(m))).ToArray();
        Assert.All(follows, f => Assert.Null(GroupProposals.CheckFollowSignature(state, f, chain.Scheme)));
        Assert.NotNull(GroupProposals.CheckFollowSignature(state, follows[0] with { MemberIndex = 3 }, chain.Scheme));

        var collected = new Dictionary<int, Bytes> { [4] = proposal.LeaderSignature, [1] = follows[0].Signature };
        Func<IReadOnlyList<Bytes>, Bytes>? aggregate = aggregates ? InsecureTestScheme.Aggregate : null;
        Assert.Null(GroupProposals.Assemble(group, unsigned, collected, aggregate));
        collected[2] = follows[1].Signature;
        var signed = GroupProposals.Assemble(group, unsigned, collected, aggregate);
        Assert.NotNull(signed);
        chain.Apply(chain.Genesis, signed);
    }
}
