namespace NativeDvt.Consensus.StateTransition;

/// <summary>The spec function whose check a block failed; <see cref="BlockRules.SpecName"/> spells it as the spec does.</summary>
public enum BlockRule
{
    /// <summary>state_transition: the block's slot, or the post-state's root.</summary>
    StateTransition,

    /// <summary>verify_block_signature: at least m members of the proposer group signed the block.</summary>
    VerifyBlockSignature,

    /// <summary>process_block_header.</summary>
    ProcessBlockHeader,

    /// <summary>process_randao.</summary>
    ProcessRandao,

    /// <summary>process_operations: the block's operation counts and limits.</summary>
    ProcessOperations,

    /// <summary>process_proposer_slashing.</summary>
    ProcessProposerSlashing,

    /// <summary>process_attester_slashing.</summary>
    ProcessAttesterSlashing,

    /// <summary>process_attestation.</summary>
    ProcessAttestation,

    /// <summary>process_registration: a new group's deposit.</summary>
    ProcessRegistration,

    /// <summary>process_key_rotation.</summary>
    ProcessKeyRotation,
}
