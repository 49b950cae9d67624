namespace NativeDvt.Simulation.Reporting;

/// <summary>What a simulation run produced: the figures of protocol.md section 8 the simulator measures so far.</summary>
public sealed record SimulationReport
{
    /// <summary>The devnet's name.</summary>
    public required string Name { get; init; }

    /// <summary>The seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The signature scheme that ran.</summary>
    public required string Scheme { get; init; }

    /// <summary>whole or component.</summary>
    public required string Accounting { get; init; }

    /// <summary>leader-follow or race.</summary>
    public required string ProposalPolicy { get; init; }

    /// <summary>Groups in the registry.</summary>
    public required int Groups { get; init; }

    /// <summary>Member nodes.</summary>
    public required int Identities { get; init; }

    /// <summary>Epochs run.</summary>
    public required int Epochs { get; init; }

    /// <summary>The finalized epoch at the end, as the reference node saw it.</summary>
    public required ulong FinalizedEpoch { get; init; }

    /// <summary>The justified epoch at the end.</summary>
    public required ulong JustifiedEpoch { get; init; }

    /// <summary>Per epoch.</summary>
    public required IReadOnlyList<EpochFigures> EpochFigures { get; init; }

    /// <summary>All groups together.</summary>
    public required GroupParticipation Participation { get; init; }

    /// <summary>Per group template of the devnet file.</summary>
    public required IReadOnlyList<GroupParticipation> ByTemplate { get; init; }

    /// <summary>Per group.</summary>
    public required IReadOnlyList<GroupParticipation> ByGroup { get; init; }

    /// <summary>Block production.</summary>
    public required ProposalFigures Proposals { get; init; }

    /// <summary>Slots without a canonical block.</summary>
    public required IReadOnlyList<MissedProposal> MissedProposals { get; init; }

    /// <summary>Blocks a group completed that honest nodes refused (a bug in at least m members).</summary>
    public required IReadOnlyList<InvalidBlockRecord> InvalidBlocks { get; init; }

    /// <summary>Split votes seen by aggregators.</summary>
    public required IReadOnlyList<SplitVoteRecord> SplitVotes { get; init; }

    /// <summary>Group slashings built and included.</summary>
    public required IReadOnlyList<GroupSlashingRecord> GroupSlashings { get; init; }

    /// <summary>Member key rotations included in blocks.</summary>
    public required IReadOnlyList<KeyRotationRecord> KeyRotations { get; init; }

    /// <summary>Member equivocations (not slashable below m).</summary>
    public required IReadOnlyList<EquivocationRecord> MemberEquivocations { get; init; }

    /// <summary>Signatures refused by slashing protection and blocks refused by nodes, counted by reason.</summary>
    public required IReadOnlyDictionary<string, int> Refusals { get; init; }

    /// <summary>Stake concentration over operators, once groups are formed.</summary>
    public required StakeFigures Stake { get; init; }

    /// <summary>Stake concentration over member keys (each key holds its share of its group's balance): before groups are formed.</summary>
    public required StakeFigures StakeByMemberKey { get; init; }
    /// <summary>Inclusion lists: committee outcomes, misses with reasons, blocks that failed the check.</summary>
    public required InclusionListFigures InclusionLists { get; init; }

    /// <summary>Gossip traffic per topic.</summary>
    public required IReadOnlyList<TopicFigures> Traffic { get; init; }

    /// <summary>Warnings and substitutions (e.g. a scheme not yet available).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
