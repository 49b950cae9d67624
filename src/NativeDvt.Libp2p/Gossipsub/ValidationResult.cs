namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>The application's verdict on a message (libp2p pubsub's accept / reject / ignore).</summary>
public enum ValidationResult
{
    /// <summary>Deliver, cache and forward the message.</summary>
    Accept,

    /// <summary>The message is invalid: drop it and penalise whoever delivered it (P4).</summary>
    Reject,

    /// <summary>Drop the message without penalty (e.g. stale but not malicious).</summary>
    Ignore,
}
