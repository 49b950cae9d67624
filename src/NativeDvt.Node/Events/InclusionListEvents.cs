using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Node.Events;

/// <summary>The node proposed its group's inclusion list of <paramref name="Slot"/> as rank <paramref name="Rank"/>.</summary>
public sealed record InclusionListProposed(MemberId Node, Slot Slot, int Rank, Root ListRoot, int Transactions, TimeSpan At) : NodeEvent(Node, At);

/// <summary>The node co-signed its group's inclusion list.</summary>
public sealed record InclusionListFollowSigned(MemberId Node, Slot Slot, Root ListRoot, TimeSpan At) : NodeEvent(Node, At);

/// <summary>The node assembled its group's complete inclusion list from <paramref name="Signers"/> signatures.</summary>
public sealed record InclusionListAssembled(MemberId Node, Slot Slot, Root ListRoot, int Signers, TimeSpan At) : NodeEvent(Node, At);

/// <summary>The node took a complete inclusion list of <paramref name="Group"/>; <paramref name="InTime"/> when before the slot's freeze deadline.</summary>
public sealed record InclusionListImported(MemberId Node, Slot Slot, GroupIndex Group, Root ListRoot, bool InTime, TimeSpan At) : NodeEvent(Node, At);

/// <summary>At the freeze deadline the node's own group had no complete inclusion list for <paramref name="Slot"/>, for <paramref name="Reason"/>.</summary>
public sealed record InclusionListMissed(MemberId Node, Slot Slot, GroupIndex Group, string Reason, TimeSpan At) : NodeEvent(Node, At);

/// <summary>
/// A block omits <paramref name="Missing"/> transactions of complete inclusion lists the node saw in time: the node
/// will neither vote for it nor build on it.
/// </summary>
public sealed record BlockFailedInclusionCheck(MemberId Node, Slot Slot, Root BlockRoot, int Missing, TimeSpan At) : NodeEvent(Node, At);
