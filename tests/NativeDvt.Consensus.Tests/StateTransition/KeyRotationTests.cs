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
public sealed class KeyRotationTests
{
    private static readonly (int N, int M)[] Groups = [.. Enumerable.Repeat((4, 3), 16)];
    private static readonly Bytes NewKey = InsecureTestScheme.PublicKey(999_999);

    [Fact]
    public void KeyRotation_SignedByThreshold_ReplacesKeyFromItsEpoch()
    {
        var chain = TestChain.Create(Groups);
        var state = chain.Run(chain.Genesis, 3, attest: false);
        var post = chain.Apply(state, chain.ProduceBlock(state, state.Slot + 1, b => b with { KeyRotations = [Rotation(chain, state, 3, 0, 2, [0, 1, 2])] }));
        var group = post.Groups[3];
        Assert.Equal(NewKey, group.Pubkeys[0]);
        Assert.Equal(TestChain.MemberKey(3, 0), group.MemberPubkeyAt(0, new Epoch(1)));
        Assert.Equal(NewKey, group.MemberPubkeyAt(0, new Epoch(2)));
        Assert.Equal(new GroupIndex(3), post.Groups.FindByPubkey(NewKey));
    }

    [Fact]
    public void KeyRotation_OldKeyOfAnotherGroup_CannotBeReused()
    {
        var chain = TestChain.Create(Groups);
        var state = chain.Run(chain.Genesis, 3, attest: false);
        state = chain.Apply(state, chain.ProduceBlock(state, state.Slot + 1, b => b with { KeyRotations = [Rotation(chain, state, 3, 0, 2, [0, 1, 2])] }));
        var retired = TestChain.MemberKey(3, 0);
        Assert.Null(state.Groups.FindByPubkey(retired));
        Assert.True(state.Groups.IsRetiredKey(retired));
        var reuse = new KeyRotation(new GroupIndex(4), 1, retired, new Epoch(2));
        var root = chain.SigningRoot(state, SszRoots.Of(reuse), Domains.KeyRotation, state.CurrentEpoch);
        var signed = new SignedKeyRotation(reuse, chain.Sign(state.Groups[4], state.CurrentEpoch, root, [0, 1, 2]));
        var block = chain.ProduceBlock(state, state.Slot + 1, b => b with { KeyRotations = [signed] });
        Assert.Equal(BlockRule.ProcessKeyRotation, StateTransitionFunction.TryApply(state, block, chain.Scheme).Error?.Rule);
    }

    [Fact]
    public void KeyRotation_BelowThreshold_IsInvalid()
    {
        var chain = TestChain.Create(Groups);
        var state = chain.Run(chain.Genesis, 3, attest: false);
        var block = chain.ProduceBlock(state, state.Slot + 1, b => b with { KeyRotations = [Rotation(chain, state, 3, 0, 2, [1, 2])] });
        Assert.Equal(BlockRule.ProcessKeyRotation, StateTransitionFunction.TryApply(state, block, chain.Scheme).Error?.Rule);
    }

    [Fact]
    public void KeyRotation_EpochNotInFuture_IsInvalid()
    {
        var chain = TestChain.Create(Groups);
        var state = chain.Run(chain.Genesis, 3, attest: false);
        var block = chain.ProduceBlock(state, state.Slot + 1, b => b with { KeyRotations = [Rotation(chain, state, 3, 0, 0, [0, 1, 2])] });
        Assert.Equal(BlockRule.ProcessKeyRotation, StateTransitionFunction.TryApply(state, block, chain.Scheme).Error?.Rule);
    }

    [Fact]
    public void OldKey_WithinRotationSlashabilityEpochs_IsSlashable_AfterwardsNot()
    {
        var chain = TestChain.Create(Groups);
        var state = chain.Run(chain.Genesis, 3, attest: false);
        state = chain.Apply(state, chain.ProduceBlock(state, state.Slot + 1, b => b with { KeyRotations = [Rotation(chain, state, 3, 0, 2, [0, 1, 2])] }));

        // Evidence from epoch 1 signed by members 0, 1, 2 with member 0's old key.
        var slashing = new GroupAttesterSlashing(
            SlashingTests.Signed(chain, state, 3, SlashingTests.Vote(9, 0, 1, 0xaa), [0, 1, 2]),
            SlashingTests.Signed(chain, state, 3, SlashingTests.Vote(9, 0, 1, 0xbb), [0, 1, 2]));

        var within = state.Copy();
        PerSlotProcessing.ProcessSlots(within, ChainTime.StartSlot(chain.Preset, new Epoch(2 + chain.Preset.RotationSlashabilityEpochs - 1)));
        var slashed = chain.Apply(within, chain.ProduceBlock(within, within.Slot + 1, b => b with { AttesterSlashings = [slashing] }));
        Assert.True(slashed.Groups[3].Slashed);

        var after = state.Copy();
        PerSlotProcessing.ProcessSlots(after, ChainTime.StartSlot(chain.Preset, new Epoch(2 + chain.Preset.RotationSlashabilityEpochs)));
        Assert.Empty(after.Groups[3].KeyChanges);
        var late = chain.ProduceBlock(after, after.Slot + 1, b => b with { AttesterSlashings = [slashing] });
        Assert.Equal(BlockRule.ProcessAttesterSlashing, StateTransitionFunction.TryApply(after, late, chain.Scheme).Error?.Rule);
    }

    private static SignedKeyRotation Rotation(TestChain chain, BeaconState state, int groupIndex, ulong member, ulong epoch, int[] signers)
    {
        var rotation = new KeyRotation(new GroupIndex((ulong)groupIndex), member, NewKey, new Epoch(epoch));
        var current = state.CurrentEpoch;
        var root = chain.SigningRoot(state, SszRoots.Of(rotation), Domains.KeyRotation, current);
        return new SignedKeyRotation(rotation, chain.Sign(state.Groups[groupIndex], current, root, signers));
    }
}
