using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Node.Events;

/// <summary>The node's slashing protection refused a signature.</summary>
public sealed record SigningRefused(MemberId Node, string What, string Detail, TimeSpan At) : NodeEvent(Node, At);

/// <summary>
/// The node's signing records could not be made durable (the store failed, or another writer changed them): it signs
/// nothing more and drops the messages that waited for them, until its host restarts it over what the store holds.
/// </summary>
public sealed record SigningHalted(MemberId Node, string Reason, TimeSpan At) : NodeEvent(Node, At);

/// <summary>
/// An identity started a key rotation on its own: its stateful key has only <paramref name="Remaining"/> signatures
/// left, fewer than it may need before a rotation takes effect.
/// </summary>
public sealed record KeyRotationStarted(MemberId Node, int Remaining, Epoch Epoch, TimeSpan At) : NodeEvent(Node, At);

/// <summary>A block the node imported carries a key rotation: <paramref name="Member"/>'s new key counts from <paramref name="Epoch"/>.</summary>
public sealed record KeyRotationIncluded(MemberId Node, MemberId Member, Epoch Epoch, Slot Slot, TimeSpan At) : NodeEvent(Node, At);
