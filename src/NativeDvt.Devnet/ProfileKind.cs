namespace NativeDvt.Devnet;

/// <summary>The client behaviours a member can run, for diversity and fault experiments.</summary>
public enum ProfileKind
{
    /// <summary>Follows the protocol.</summary>
    Honest,

    /// <summary>Honest, but receives blocks late by a configured delay.</summary>
    Late,

    /// <summary>Never online.</summary>
    Offline,

    /// <summary>Signs two conflicting messages when it can.</summary>
    Equivocator,

    /// <summary>
    /// Honest until its trigger slot; from then on its state transition computes a wrong post-state root, so it
    /// proposes blocks honest nodes reject, co-signs and imports those, and refuses every honest block.
    /// </summary>
    BugInvalidStateRoot,

    /// <summary>Honest until a reorg, after which it keeps voting for the old head.</summary>
    BugWrongHeadAfterReorg,

    /// <summary>Honest, except that as leader it leaves the transactions of complete inclusion lists out of its block.</summary>
    Censor,
}
