namespace NativeDvt.Devnet;

/// <summary>How a group's members make its block (protocol.md section 4).</summary>
public enum ProposalPolicy
{
    /// <summary>The ranked leader proposes, followers sign; rank r falls back after r x LEADER_TIMEOUT.</summary>
    LeaderFollow,

    /// <summary>Every online member proposes at once; at a deadline each co-signs the best-ranked proposal it saw (docs/protocol.md 9a).</summary>
    Race,
}
