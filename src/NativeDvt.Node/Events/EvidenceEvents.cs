using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Node.Events;

/// <summary><paramref name="Node"/> saw a member sign two conflicting messages (a member equivocation; not slashable below m).</summary>
public sealed record MemberEquivocation(MemberId Node, MemberId Equivocator, string Kind, Slot Slot, TimeSpan At) : NodeEvent(Node, At);

/// <summary>The node built group-slashing evidence (both sides signed by at least m members).</summary>
public sealed record GroupSlashingBuilt(MemberId Node, GroupSlashingEvidence Evidence, TimeSpan At) : NodeEvent(Node, At);

/// <summary>A block the node imported carries a group slashing.</summary>
public sealed record GroupSlashingIncluded(MemberId Node, GroupIndex Group, Slot Slot, TimeSpan At) : NodeEvent(Node, At);
