namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>Announces message ids recently seen on a topic.</summary>
public sealed record ControlIHave(string TopicId, IReadOnlyList<byte[]> MessageIds);
