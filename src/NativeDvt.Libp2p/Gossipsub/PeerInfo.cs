namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>A peer exchange candidate carried in PRUNE: its peer id bytes and optional signed peer record.</summary>
public sealed record PeerInfo(byte[]? PeerId, byte[]? SignedPeerRecord);
