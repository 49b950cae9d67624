using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Node.Sharing;

/// <summary>One slot's inclusion-list committee: positions, distinct groups (ascending) and its SSZ root.</summary>
public sealed record InclusionListCommitteeView(GroupIndex[] Positions, GroupIndex[] Groups, Root Root)
{
    /// <summary>True when <paramref name="group"/> holds a position.</summary>
    public bool Contains(GroupIndex group) => Array.BinarySearch(Groups, group) >= 0;
}
