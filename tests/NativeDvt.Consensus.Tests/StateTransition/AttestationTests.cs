using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Duties;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition;
using NativeDvt.Consensus.StateTransition.PerEpoch;
using NativeDvt.Consensus.Tests.Support;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.Tests.StateTransition;

[Trait("Category", "Unit")]
public sealed class AttestationTests
{
    private static readonly (int N, int M)[] Groups = [.. Enumerable.Repeat((4, 3), 16)];

    [Fact]
    public void Whole_BelowThreshold_BlockIsInvalid()
    {
        var (chain, state, attested) = Setup(AccountingPolicy.Whole);
        var attestation = Make(chain, state, attested, [0, 1], correctHead: true);
        var error = Include(chain, state, [attestation]);
        Assert.NotNull(error);
        Assert.Equal(BlockRule.ProcessAttestation, error.Rule);
    }

    [Fact]
    public void Whole_AtThreshold_EarnsEveryFlagAndPaysProposer()
    {
        var (chain, state, attested) = Setup(AccountingPolicy.Whole);
        var attestation = Make(chain, state, attested, [0, 1, 3], correctHead: true);
        var block = chain.ProduceBlock(state, state.Slot + 1, b => b with { Attestations = [attestation] });
        var post = chain.Apply(state, block);
        var flags = post.CurrentEpochParticipation[(int)attested.Value];
        Assert.Equal(0b111, flags);
        var proposer = (int)block.Message.ProposerIndex.Value;
        Assert.True(post.Balances[proposer] > state.Balances[proposer]);
    }

    [Fact]
    public void Whole_SplitVote_NoSideReachesThreshold_Invalid()
    {
        var (chain, state, attested) = Setup(AccountingPolicy.Whole);
        var a = Make(chain, state, attested, [0, 1], correctHead: true);
        var b = Make(chain, state, attested, [2], correctHead: false);
        Assert.NotNull(Include(chain, state, [a, b]));
    }

    [Fact]
    public void Component_SplitHead_SourceAndTargetCreditedHeadNot()
    {
        var (chain, state, attested) = Setup(AccountingPolicy.Component);
        var a = Make(chain, state, attested, [0, 1], correctHead: true);
        var b = Make(chain, state, attested, [2], correctHead: false);
        var block = chain.ProduceBlock(state, state.Slot + 1, body => body with { Attestations = [a, b] });
        var post = chain.Apply(state, block);
        var flags = post.CurrentEpochParticipation[(int)attested.Value];
        Assert.True(ParticipationFlags.Has(flags, ParticipationFlags.TimelySource));
        Assert.True(ParticipationFlags.Has(flags, ParticipationFlags.TimelyTarget));
        Assert.False(ParticipationFlags.Has(flags, ParticipationFlags.TimelyHead));
        Assert.Equal(new GroupParticipation(true, true, false, 3, 3, 2), GroupParticipation.Of(post, attested, previousEpoch: false));
    }

    [Fact]
    public void Component_PartialAttestationsAcrossBlocks_Accumulate()
    {
        var (chain, state, attested) = Setup(AccountingPolicy.Component);
        var a = Make(chain, state, attested, [0, 1], correctHead: false);
        var first = chain.Apply(state, chain.ProduceBlock(state, state.Slot + 1, body => body with { Attestations = [a] }));
        Assert.Equal(0, first.CurrentEpochParticipation[(int)attested.Value]);
        var b = Make(chain, state, attested, [3], correctHead: false);
        var second = chain.Apply(first, chain.ProduceBlock(first, first.Slot + 1, body => body with { Attestations = [b] }));
        var flags = second.CurrentEpochParticipation[(int)attested.Value];
        Assert.True(ParticipationFlags.Has(flags, ParticipationFlags.TimelyTarget));
    }

    [Fact]
    public void Attestation_WrongCommittee_IsInvalid()
    {
        var (chain, state, attested) = Setup(AccountingPolicy.Whole);
        var good = Make(chain, state, attested, [0, 1, 2], correctHead: true);
        var other = Enumerable.Range(0, state.Groups.Count).First(i => i != (int)attested.Value
            && state.GetShuffling(state.CurrentEpoch).Assignment(new GroupIndex((ulong)i))!.Value.Slot != good.Data.Slot);
        var group = state.Groups[other];
        var signingRoot = chain.SigningRoot(state, SszRoots.Of(good.Data), Domains.BeaconAttester, good.Data.Target.Epoch);
        var wrong = new GroupAttestation(new GroupIndex((ulong)other), good.Data, chain.Sign(group, state.CurrentEpoch, signingRoot, [0, 1, 2]));
        Assert.Equal(BlockRule.ProcessAttestation, Include(chain, state, [wrong])?.Rule);
    }

    [Fact]
    public void Attestation_ForgedSignature_IsInvalid()
    {
        var (chain, state, attested) = Setup(AccountingPolicy.Whole);
        var good = Make(chain, state, attested, [0, 1, 2], correctHead: true);
        var forged = good with { Signature = good.Signature with { Signatures = [Bytes.Wrap(new byte[32])] } };
        var error = Include(chain, state, [forged]);
        Assert.Equal(BlockRule.ProcessAttestation, error?.Rule);
        Assert.Contains("invalid", error!.Reason, StringComparison.Ordinal);
    }

    /// <summary>A chain at the slot of some group's duty in epoch 1, after that slot's block.</summary>
    internal static (TestChain Chain, BeaconState State, GroupIndex Attested) Setup(AccountingPolicy accounting)
    {
        var chain = TestChain.Create(Groups, TestChain.MinimalConfig(accounting));
        var state = chain.Run(chain.Genesis, 9, attest: false);
        var committee = state.GetBeaconCommittee(state.Slot, CommitteeIndex.Zero);
        return (chain, state, new GroupIndex((ulong)committee[0]));
    }

    internal static GroupAttestation Make(TestChain chain, BeaconState state, GroupIndex groupIndex, int[] members, bool correctHead)
    {
        var head = correctHead ? SszRoots.Of(state.LatestBlockHeader with { StateRoot = state.HashTreeRoot() }) : Root.FromHex(new string('e', 64));
        var epoch = state.CurrentEpoch;
        var target = new Checkpoint(epoch, state.GetBlockRootAtSlot(ChainTime.StartSlot(chain.Preset, epoch)));
        var data = new AttestationData(state.Slot, CommitteeIndex.Zero, head, state.CurrentJustifiedCheckpoint, target);
        var signingRoot = chain.SigningRoot(state, SszRoots.Of(data), Domains.BeaconAttester, epoch);
        return new GroupAttestation(groupIndex, data, chain.Sign(state.Groups[groupIndex], epoch, signingRoot, members));
    }

    internal static BlockError? Include(TestChain chain, BeaconState state, IReadOnlyList<GroupAttestation> attestations)
    {
        var block = chain.ProduceBlock(state, state.Slot + 1, body => body with { Attestations = attestations });
        return StateTransitionFunction.TryApply(state, block, chain.Scheme).Error;
    }
}
