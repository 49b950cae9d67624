namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>Asks the receiver to add the sender to its mesh for a topic.</summary>
public sealed record ControlGraft(string TopicId);
