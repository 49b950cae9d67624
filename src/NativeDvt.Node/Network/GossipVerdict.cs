namespace NativeDvt.Node.Network;

/// <summary>The result of gossip validation, as gossipsub's validators return it.</summary>
public enum GossipVerdict
{
    /// <summary>Valid: forward it.</summary>
    Accept,

    /// <summary>Invalid: do not forward, and penalise the sender.</summary>
    Reject,

    /// <summary>Not forwarded, no penalty (duplicate, too old, parent unknown, ...).</summary>
    Ignore,
}
