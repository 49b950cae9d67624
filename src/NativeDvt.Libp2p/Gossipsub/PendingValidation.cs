namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>A new message waiting for the application's validator.</summary>
internal sealed record PendingValidation(string Source, MessageId Id, PubsubMessage Message, GossipValidator? Validator);
