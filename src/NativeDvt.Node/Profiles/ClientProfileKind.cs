namespace NativeDvt.Node.Profiles;

/// <summary>
/// The client behaviours a node runs for an identity, for diversity and fault experiments. Behaviours a host
/// plays out around the node (a member that is late or offline) are not here: for the node those are honest.
/// </summary>
public enum ClientProfileKind
{
    /// <summary>Follows the protocol.</summary>
    Honest,

    /// <summary>Signs two conflicting messages when it can, bypassing its slashing protection.</summary>
    Equivocator,

    /// <summary>
    /// Honest until <see cref="ClientProfile.TriggerSlot"/>; from then on its state transition computes a wrong
    /// post-state root, so it proposes blocks honest nodes reject, co-signs and imports those, and refuses every
    /// honest block.
    /// </summary>
    BugInvalidStateRoot,

    /// <summary>Honest until a reorg, after which it keeps voting for the old head.</summary>
    BugWrongHeadAfterReorg,

    /// <summary>Honest, except that as leader it leaves the transactions of complete inclusion lists out of its block.</summary>
    Censor,
}
