namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>
/// Removes the sender from the receiver's mesh for a topic. v1.1 adds peer exchange candidates and the
/// backoff in seconds during which the receiver must not GRAFT back.
/// </summary>
public sealed record ControlPrune(string TopicId, IReadOnlyList<PeerInfo> Peers, ulong? BackoffSeconds);
