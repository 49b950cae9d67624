namespace NativeDvt.Consensus.Config;

/// <summary>How the members of the proposing group produce a block (protocol.md section 4).</summary>
public enum ProposalPolicy
{
    /// <summary>Rank 0 leads, followers co-sign; rank r takes over after r x LEADER_TIMEOUT.</summary>
    LeaderFollow = 0,

    /// <summary>
    /// Every online member proposes at once, and a proposal is not a vote; at RACE_DEADLINE each co-signs the valid
    /// proposal of the lowest-ranked proposer it saw (protocol.md section 9a: the rule book's "sign the first valid
    /// proposal" deadlocks, as every proposer has already signed its own block).
    /// </summary>
    Race = 1,
}
