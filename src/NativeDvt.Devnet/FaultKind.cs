namespace NativeDvt.Devnet;

/// <summary>What a fault does.</summary>
public enum FaultKind
{
    /// <summary>The selected nodes stop (their durable state survives).</summary>
    Crash,

    /// <summary>The selected nodes start again from their durable state.</summary>
    Restart,

    /// <summary>The network splits into the given sides; nodes on no side stay with the first.</summary>
    Partition,

    /// <summary>Every partition ends.</summary>
    Heal,

    /// <summary>The selected members each start a key rotation to a fresh key (signed by at least m members of the group).</summary>
    Rotate,
}
