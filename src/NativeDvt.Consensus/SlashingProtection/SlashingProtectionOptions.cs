namespace NativeDvt.Consensus.SlashingProtection;

/// <summary>How much history a protector keeps per key.</summary>
public sealed record SlashingProtectionOptions
{
    /// <summary>The default: 1,024 blocks and 1,024 attestations per key.</summary>
    public static SlashingProtectionOptions Default { get; } = new();

    /// <summary>
    /// When a key holds more block (or attestation) records than this, the older half is pruned into
    /// watermarks. Bounds what each check-and-record reads and writes on a long-running node.
    /// </summary>
    public int MaxRecordsPerKind { get; init; } = 1024;
}
