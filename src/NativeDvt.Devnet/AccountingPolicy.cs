namespace NativeDvt.Devnet;

/// <summary>How a group's attestations earn flags (protocol.md section 2).</summary>
public enum AccountingPolicy
{
    /// <summary>Flags come from the AttestationData that >= m members signed identically.</summary>
    Whole,

    /// <summary>Source, target and head are each credited when >= m members agree on that part.</summary>
    Component,
}
