namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>Requests full messages for ids learned through IHAVE.</summary>
public sealed record ControlIWant(IReadOnlyList<byte[]> MessageIds);
