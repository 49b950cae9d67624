using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition;
using NativeDvt.Consensus.StateTransition.PerSlot;
using NativeDvt.Consensus.Tests.Support;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.Tests.StateTransition;

[Trait("Category", "Unit")]
public sealed class SlashingTests
{
    private static readonly (int N, int M)[] Groups = [.. Enumerable.Repeat((4, 3), 16)];

    [Fact]
    public void ProposerSlashing_ThresholdOnBothSides_SlashesAndPaysWhistleblower()
    {
        var chain = TestChain.Create(Groups);
        var state = chain.Run(chain.Genesis, 3, attest: false);
        var slashing = DoubleProposal(chain, state, new GroupIndex(5), [0, 1, 2], [1, 2, 3]);
        var block = chain.ProduceBlock(state, state.Slot + 1, b => b with { ProposerSlashings = [slashing] });
        var post = chain.Apply(state, block);
        var group = post.Groups[5];
        Assert.True(group.Slashed);
        Assert.NotEqual(Group.FarFuture, group.ExitEpoch);
        Assert.True(post.Balances[5] < state.Balances[5]);
        var proposer = (int)block.Message.ProposerIndex.Value;
        Assert.True(proposer == 5 || post.Balances[proposer] > state.Balances[proposer]);
    }

    [Fact]
    public void ProposerSlashing_OneSideBelowThreshold_IsInvalid()
    {
        var chain = TestChain.Create(Groups);
        var state = chain.Run(chain.Genesis, 3, attest: false);
        var slashing = DoubleProposal(chain, state, new GroupIndex(5), [0, 1, 2], [2, 3]);
        var block = chain.ProduceBlock(state, state.Slot + 1, b => b with { ProposerSlashings = [slashing] });
        Assert.Equal(BlockRule.ProcessProposerSlashing, StateTransitionFunction.TryApply(state, block, chain.Scheme).Error?.Rule);
    }

    [Fact]
    public void AttesterSlashing_DoubleVote_Slashes()
    {
        var chain = TestChain.Create(Groups);
        var state = chain.Run(chain.Genesis, 3, attest: false);
        var data1 = Vote(1, 0, 1, 0xaa);
        var data2 = Vote(1, 0, 1, 0xbb);
        var slashing = new GroupAttesterSlashing(Signed(chain, state, 7, data1, [0, 1, 2]), Signed(chain, state, 7, data2, [1, 2, 3]));
        var post = chain.Apply(state, chain.ProduceBlock(state, state.Slot + 1, b => b with { AttesterSlashings = [slashing] }));
        Assert.True(post.Groups[7].Slashed);
    }

    [Fact]
    public void AttesterSlashing_SurroundVote_Slashes()
    {
        var chain = TestChain.Create(Groups);
        var state = chain.Run(chain.Genesis, 3, attest: false);
        var outer = Vote(20, 0, 3, 0xaa);
        var inner = Vote(12, 1, 2, 0xbb);
        var slashing = new GroupAttesterSlashing(Signed(chain, state, 7, outer, [0, 1, 2]), Signed(chain, state, 7, inner, [0, 1, 2]));
        var post = chain.Apply(state, chain.ProduceBlock(state, state.Slot + 1, b => b with { AttesterSlashings = [slashing] }));
        Assert.True(post.Groups[7].Slashed);
    }

    [Fact]
    public void AttesterSlashing_SameData_IsInvalid()
    {
        var chain = TestChain.Create(Groups);
        var state = chain.Run(chain.Genesis, 3, attest: false);
        var data = Vote(1, 0, 1, 0xaa);
        var slashing = new GroupAttesterSlashing(Signed(chain, state, 7, data, [0, 1, 2]), Signed(chain, state, 7, data, [1, 2, 3]));
        var block = chain.ProduceBlock(state, state.Slot + 1, b => b with { AttesterSlashings = [slashing] });
        Assert.Equal(BlockRule.ProcessAttesterSlashing, StateTransitionFunction.TryApply(state, block, chain.Scheme).Error?.Rule);
    }

    [Fact]
    public void AttesterSlashing_AlreadySlashed_IsInvalid()
    {
        var chain = TestChain.Create(Groups);
        var state = chain.Run(chain.Genesis, 3, attest: false);
        var slashing = new GroupAttesterSlashing(Signed(chain, state, 7, Vote(1, 0, 1, 0xaa), [0, 1, 2]), Signed(chain, state, 7, Vote(1, 0, 1, 0xbb), [0, 1, 2]));
        var post = chain.Apply(state, chain.ProduceBlock(state, state.Slot + 1, b => b with { AttesterSlashings = [slashing] }));
        var again = chain.ProduceBlock(post, post.Slot + 1, b => b with { AttesterSlashings = [slashing] });
        Assert.Equal(BlockRule.ProcessAttesterSlashing, StateTransitionFunction.TryApply(post, again, chain.Scheme).Error?.Rule);
    }

    [Fact]
    public void ProcessEpoch_SlashedGroup_PaysProportionalPenaltyHalfwayToWithdrawable()
    {
        var chain = TestChain.Create(Groups);
        var state = chain.Run(chain.Genesis, 3, attest: false);
        var slashing = new GroupAttesterSlashing(Signed(chain, state, 7, Vote(1, 0, 1, 0xaa), [0, 1, 2]), Signed(chain, state, 7, Vote(1, 0, 1, 0xbb), [0, 1, 2]));
        state = chain.Apply(state, chain.ProduceBlock(state, state.Slot + 1, b => b with { AttesterSlashings = [slashing] }));
        var withdrawable = state.Groups[7].WithdrawableEpoch;
        var halfway = ChainTime.StartSlot(chain.Preset, withdrawable - (chain.Preset.EpochsPerSlashingsVector / 2) + 1);
        var before = state.Copy();
        PerSlotProcessing.ProcessSlots(before, halfway - 1);
        var after = before.Copy();
        PerSlotProcessing.ProcessSlots(after, halfway + 1);
        var others = Enumerable.Range(0, 16).Where(i => i != 7).Max(i => before.Balances[i] - after.Balances[i]);
        Assert.True(before.Balances[7] - after.Balances[7] > others + 1_000_000_000, "the proportional penalty (3 x slashed / total) is paid at the halfway epoch");
    }

    internal static AttestationData Vote(ulong slot, ulong sourceEpoch, ulong targetEpoch, byte fill) =>
        new(new Slot(slot), CommitteeIndex.Zero, Root.FromHex(new string((char)('0' + fill % 10), 64)),
            new Checkpoint(new Epoch(sourceEpoch), Root.Zero), new Checkpoint(new Epoch(targetEpoch), Root.FromHex(Convert.ToHexString([fill]).PadLeft(64, '0'))));

    internal static GroupAttestation Signed(TestChain chain, BeaconState state, int groupIndex, AttestationData data, int[] members)
    {
        var group = state.Groups[groupIndex];
        var root = chain.SigningRoot(state, SszRoots.Of(data), Domains.BeaconAttester, data.Target.Epoch);
        return new GroupAttestation(new GroupIndex((ulong)groupIndex), data, chain.Sign(group, data.Target.Epoch, root, members));
    }

    internal static GroupProposerSlashing DoubleProposal(TestChain chain, BeaconState state, GroupIndex groupIndex, int[] members1, int[] members2)
    {
        var group = state.Groups[groupIndex];
        var header1 = new BeaconBlockHeader(new Slot(2), groupIndex, Root.Zero, Root.Zero, Root.FromHex(new string('1', 64)));
        var header2 = header1 with { BodyRoot = Root.FromHex(new string('2', 64)) };
        var epoch = Epoch.Zero;
        SignedBeaconBlockHeader Sign(BeaconBlockHeader header, int[] members) =>
            new(header, chain.Sign(group, epoch, chain.SigningRoot(state, SszRoots.Of(header), Domains.BeaconProposer, epoch), members));
        return new GroupProposerSlashing(Sign(header1, members1), Sign(header2, members2));
    }
}
