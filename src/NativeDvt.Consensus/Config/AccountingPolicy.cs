namespace NativeDvt.Consensus.Config;

/// <summary>How a group's attestations earn participation flags (protocol.md section 2).</summary>
public enum AccountingPolicy
{
    /// <summary>Flags come from one AttestationData that at least m members signed identically.</summary>
    Whole = 0,

    /// <summary>Source, target and head are credited separately once at least m members carried the same correct part.</summary>
    Component = 1,
}
