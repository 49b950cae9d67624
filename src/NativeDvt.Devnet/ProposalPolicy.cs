namespace NativeDvt.Devnet;

/// <summary>How a group's members make its block (protocol.md section 4).</summary>
public enum ProposalPolicy
{
    /// <summary>The ranked leader proposes, followers sign; rank r falls back after r x LEADER_TIMEOUT.</summary>
    LeaderFollow,

    /// <summary>Every online member proposes at once; the first proposal to gather m signatures wins.</summary>
    Race,
}
