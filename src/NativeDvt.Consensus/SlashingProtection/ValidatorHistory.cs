namespace NativeDvt.Consensus.SlashingProtection;

/// <summary>
/// Everything one key has signed, as the store holds it. <see cref="Version"/> is the store's
/// concurrency token: a replace succeeds only against the version that was loaded.
/// </summary>
public sealed record ValidatorHistory(
    IReadOnlyList<SignedBlockRecord> Blocks,
    IReadOnlyList<SignedAttestationRecord> Attestations,
    long Version)
{
    /// <summary>The history of a key the store has never seen.</summary>
    public static ValidatorHistory Empty { get; } = new([], [], 0);
}
