using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition.PerBlock;
using NativeDvt.Consensus.StateTransition.PerSlot;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.StateTransition;

/// <summary>state_transition: slots, the proposer group's signature, the block, and the state root.</summary>
/// <remarks>Spec: phase0 beacon-chain "Beacon chain state transition function".</remarks>
public static class StateTransitionFunction
{
    /// <summary>
    /// Applies <paramref name="signedBlock"/> to <paramref name="state"/> in place; null when valid, else why not.
    /// A verifier of another scheme than the chain config's throws <see cref="ArgumentException"/> (a host bug).
    /// After an error <paramref name="state"/> is unspecified: use <see cref="TryApply"/> to keep the pre-state.
    /// </summary>
    public static BlockError? Apply(BeaconState state, SignedBeaconBlock signedBlock, ISignatureVerifier verifier,
        SignatureChecks checks = SignatureChecks.Verify, bool validateStateRoot = true)
    {
        const BlockRule rule = BlockRule.StateTransition;
        BlockContext.CheckScheme(state, verifier);
        var block = signedBlock.Message;
        if (block.Slot < state.Slot)
        {
            return new BlockError(rule, $"block slot {block.Slot} is behind the state slot {state.Slot}");
        }

        if (block.Slot > state.Slot)
        {
            PerSlotProcessing.ProcessSlots(state, block.Slot);
        }

        var bodyRoot = SszRoots.Of(block.Body, state.Preset);
        if (checks == SignatureChecks.Verify)
        {
            var error = VerifyBlockSignature(state, signedBlock, verifier, bodyRoot);
            if (error is not null)
            {
                return error;
            }
        }

        var blockError = PerBlockProcessing.ProcessBlock(state, block, verifier, checks, bodyRoot);
        if (blockError is not null)
        {
            return blockError;
        }

        if (validateStateRoot && block.StateRoot != state.HashTreeRoot())
        {
            return new BlockError(rule, "state root does not match the post-state");
        }

        return null;
    }

    /// <summary>Applies the block to a copy; returns the post-state or the error, leaving <paramref name="preState"/> untouched.</summary>
    public static (BeaconState? PostState, BlockError? Error) TryApply(BeaconState preState, SignedBeaconBlock signedBlock, ISignatureVerifier verifier,
        SignatureChecks checks = SignatureChecks.Verify, bool validateStateRoot = true)
    {
        var state = preState.Copy();
        var error = Apply(state, signedBlock, verifier, checks, validateStateRoot);
        return error is null ? (state, null) : (null, error);
    }

    /// <summary>verify_block_signature: at least m members of the proposer group signed the block's signing root.</summary>
    public static BlockError? VerifyBlockSignature(BeaconState state, SignedBeaconBlock signedBlock, ISignatureVerifier verifier, Root? bodyRoot = null)
    {
        const BlockRule rule = BlockRule.VerifyBlockSignature;
        var block = signedBlock.Message;
        if (!state.Groups.Contains(block.ProposerIndex))
        {
            return new BlockError(rule, $"unknown proposer group {block.ProposerIndex}");
        }

        var group = state.Groups[block.ProposerIndex];
        var epoch = ChainTime.EpochAtSlot(state.Preset, block.Slot);
        var domain = Domains.GetDomain(state.Fork, state.GenesisValidatorsRoot, Domains.BeaconProposer, epoch);
        // The block root is the root of its header: the same fields with the body replaced by its root.
        var header = new BeaconBlockHeader(block.Slot, block.ProposerIndex, block.ParentRoot, block.StateRoot, bodyRoot ?? SszRoots.Of(block.Body, state.Preset));
        var signingRoot = Domains.ComputeSigningRoot(SszRoots.Of(header), domain);
        var failure = GroupSignatures.Check(verifier, group, epoch, signingRoot, signedBlock.Signature, GroupSignatures.Threshold(group));
        return failure is null ? null : new BlockError(rule, failure);
    }
}
