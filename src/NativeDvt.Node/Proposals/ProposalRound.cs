using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Node.Proposals;

/// <summary>One slot's block production as one member of the proposer group sees it.</summary>
internal sealed class ProposalRound(Slot slot, GroupIndex group)
{
    public Slot Slot { get; } = slot;

    public GroupIndex Group { get; } = group;

    /// <summary>Members in rank order (only known to members of the proposer group).</summary>
    public int[]? Ranking { get; set; }

    public int MyRank { get; set; } = -1;

    public bool ProposedByMe { get; set; }

    /// <summary>The block this member co-signed, if any.</summary>
    public Root? Signed { get; set; }

    public Dictionary<Root, GroupProposal> Proposals { get; } = [];

    /// <summary>Proposals this member checked and cannot sign: invalid, or built on a parent it does not hold.</summary>
    public HashSet<Root> Invalid { get; } = [];

    public Dictionary<Root, SortedDictionary<int, Bytes>> Signatures { get; } = [];

    public Dictionary<Root, TimeSpan> ThresholdAt { get; } = [];

    public HashSet<Root> Assembled { get; } = [];
}
