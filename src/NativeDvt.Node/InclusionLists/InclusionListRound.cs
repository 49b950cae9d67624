using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Identities;

namespace NativeDvt.Node.InclusionLists;

/// <summary>One slot's inclusion list of one of the node's groups, as its member sees it (the list constrains the next slot's block).</summary>
internal sealed class InclusionListRound(LocalIdentity me, Slot slot, int[] ranking, int myRank)
{
    /// <summary>The node's identity in the committee group.</summary>
    public LocalIdentity Me { get; } = me;

    public Slot Slot { get; } = slot;

    /// <summary>Members in rank order: rank 0 leads, rank r takes over r x LEADER_TIMEOUT later.</summary>
    public int[] Ranking { get; } = ranking;

    public int MyRank { get; } = myRank;

    public bool ProposedByMe { get; set; }

    /// <summary>The list this member signed, if any (its inclusion-list record allows one per slot).</summary>
    public Root? Signed { get; set; }

    /// <summary>Whether the missed-list event was reported at the freeze deadline.</summary>
    public bool MissReported { get; set; }

    public Dictionary<Root, InclusionListProposal> Proposals { get; } = [];

    public Dictionary<Root, SortedDictionary<int, Bytes>> Signatures { get; } = [];

    public Dictionary<Root, TimeSpan> ThresholdAt { get; } = [];

    public HashSet<Root> Assembled { get; } = [];
}
