using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.StateTransition.PerBlock;

/// <summary>process_block and its operations, for groups.</summary>
/// <remarks>
/// Spec: altair beacon-chain "Block processing", without eth1 data, execution payload, voluntary exits and sync
/// aggregates; deposits are replaced by group registrations, and key rotations are added.
/// On error the state is left partly updated: callers process a copy (see <see cref="StateTransitionFunction"/>).
/// </remarks>
public static partial class PerBlockProcessing
{
    /// <summary>
    /// process_block: null when valid, else the first failed rule. <paramref name="bodyRoot"/> may pass the body's
    /// hash_tree_root when the caller already has it (it is the costliest part of a full block).
    /// </summary>
    public static BlockError? ProcessBlock(BeaconState state, BeaconBlock block, ISignatureVerifier verifier,
        SignatureChecks checks = SignatureChecks.Verify, Root? bodyRoot = null)
    {
        try
        {
            var context = new BlockContext(state, verifier, checks);
            ProcessBlockHeader(state, block, bodyRoot ?? SszRoots.Of(block.Body, state.Preset));
            ProcessRandao(context, block.Body);
            ProcessOperations(context, block.Body);
            return null;
        }
        catch (InvalidBlockException invalid)
        {
            return invalid.Error;
        }
    }

    /// <summary>process_operations, in the spec's order: slashings, attestations, registrations (deposits), rotations.</summary>
    internal static void ProcessOperations(BlockContext context, BeaconBlockBody body)
    {
        var preset = context.State.Preset;
        const BlockRule rule = BlockRule.ProcessOperations;
        InvalidBlockException.Require((ulong)body.ProposerSlashings.Count <= preset.MaxProposerSlashings, rule, "too many proposer slashings");
        InvalidBlockException.Require((ulong)body.AttesterSlashings.Count <= preset.MaxAttesterSlashings, rule, "too many attester slashings");
        InvalidBlockException.Require((ulong)body.Attestations.Count <= preset.MaxAttestations, rule, "too many attestations");
        InvalidBlockException.Require((ulong)body.Registrations.Count <= preset.MaxRegistrations, rule, "too many registrations");
        InvalidBlockException.Require((ulong)body.KeyRotations.Count <= preset.MaxKeyRotations, rule, "too many key rotations");
        var payloadBytes = TransactionLists.TotalBytes(body.Transactions);
        InvalidBlockException.Require(payloadBytes <= context.State.Config.PayloadBytes, rule,
            $"transactions of {payloadBytes} bytes exceed {context.State.Config.PayloadBytes}");

        foreach (var slashing in body.ProposerSlashings)
        {
            ProcessProposerSlashing(context, slashing);
        }

        foreach (var slashing in body.AttesterSlashings)
        {
            ProcessAttesterSlashing(context, slashing);
        }

        foreach (var attestation in body.Attestations)
        {
            ProcessAttestation(context, attestation);
        }

        foreach (var registration in body.Registrations)
        {
            ProcessRegistration(context, registration);
        }

        foreach (var rotation in body.KeyRotations)
        {
            ProcessKeyRotation(context, rotation);
        }
    }
}
