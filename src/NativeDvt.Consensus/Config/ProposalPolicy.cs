namespace NativeDvt.Consensus.Config;

/// <summary>How the members of the proposing group produce a block (protocol.md section 4).</summary>
public enum ProposalPolicy
{
    /// <summary>Rank 0 leads, followers co-sign; rank r takes over after r x LEADER_TIMEOUT.</summary>
    LeaderFollow = 0,

    /// <summary>Every online member proposes; followers sign the first valid proposal; first to m wins.</summary>
    Race = 1,
}
