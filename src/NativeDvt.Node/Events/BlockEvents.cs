using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Node.Events;

/// <summary>
/// A slot began for the node, whose head chain makes <paramref name="Proposer"/> the slot's proposer: what names the group
/// whose block is missing when no proposal is ever seen.
/// </summary>
public sealed record SlotStarted(MemberId Node, Slot Slot, GroupIndex Proposer, TimeSpan At) : NodeEvent(Node, At);

/// <summary>The node proposed a block for its group as rank <paramref name="Rank"/>.</summary>
public sealed record BlockProposed(MemberId Node, Slot Slot, int Rank, Root BlockRoot, TimeSpan At) : NodeEvent(Node, At);

/// <summary>The node co-signed a proposal.</summary>
public sealed record FollowSigned(MemberId Node, Slot Slot, Root BlockRoot, TimeSpan At) : NodeEvent(Node, At);

/// <summary>The node assembled a complete block from <paramref name="Signers"/> signatures; the m-th arrived at <paramref name="ThresholdAt"/>.</summary>
public sealed record BlockAssembled(MemberId Node, Slot Slot, Root BlockRoot, int Signers, TimeSpan ThresholdAt, TimeSpan At) : NodeEvent(Node, At);

/// <summary>The node imported a complete block into its view.</summary>
public sealed record BlockImported(MemberId Node, Slot Slot, Root BlockRoot, TimeSpan At) : NodeEvent(Node, At);

/// <summary>The node refused a block or proposal, with the rule that failed.</summary>
public sealed record BlockRejected(MemberId Node, Slot Slot, Root BlockRoot, string Reason, TimeSpan At) : NodeEvent(Node, At);

/// <summary>The node signed and gossiped an attestation.</summary>
public sealed record Attested(MemberId Node, AttestationData Data, TimeSpan At) : NodeEvent(Node, At);

/// <summary>
/// An aggregator (<paramref name="Node"/>) saw its group's members sign different data for one slot and none reached m
/// (<paramref name="Signers"/> signed in total, the largest agreement was <paramref name="LargestAgreement"/>).
/// </summary>
public sealed record SplitVote(MemberId Node, Slot Slot, int DistinctData, int Signers, int LargestAgreement, TimeSpan At) : NodeEvent(Node, At);

/// <summary>The node's finalized checkpoint advanced.</summary>
public sealed record Finalized(MemberId Node, Epoch Epoch, Root Root, TimeSpan At) : NodeEvent(Node, At);
