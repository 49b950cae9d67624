using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.SlashingProtection;

/// <summary>
/// Everything one key has signed, as the store holds it. <see cref="Version"/> is the store's
/// concurrency token: a replace succeeds only against the version that was loaded. Records pruned to
/// bound the history leave watermarks behind, so what they protected stays refused.
/// </summary>
public sealed record ValidatorHistory(
    IReadOnlyList<SignedBlockRecord> Blocks,
    IReadOnlyList<SignedAttestationRecord> Attestations,
    long Version)
{
    /// <summary>The history of a key the store has never seen.</summary>
    public static ValidatorHistory Empty { get; } = new([], [], 0);

    /// <summary>The highest slot among pruned block records: no block at or below it is signed.</summary>
    public Slot? PrunedBlockSlot { get; init; }

    /// <summary>The highest source among pruned attestation records: no attestation with a lower source is signed.</summary>
    public Epoch? PrunedSourceEpoch { get; init; }

    /// <summary>The highest target among pruned attestation records: no attestation at or below it is signed.</summary>
    public Epoch? PrunedTargetEpoch { get; init; }
}
