namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>
/// Validates a message received on a topic before it is delivered or forwarded. The first argument is
/// the peer that delivered the message to us (its propagation source).
/// </summary>
public delegate ValueTask<ValidationResult> GossipValidator(string propagationSource, PubsubMessage message, CancellationToken cancellationToken);
