namespace NativeDvt.Consensus.SlashingProtection;

/// <summary>
/// Durable per-key signing history for one network (one genesis_validators_root), as a
/// compare-and-swap register per key. The rules live in <see cref="SlashingProtector"/>; a store only
/// has to make <see cref="TryReplaceAsync"/> atomic and durable before it returns true, because the
/// protector lets a signature leave only after that call has succeeded.
/// </summary>
public interface ISlashingProtectionStore
{
    /// <summary>The current history of <paramref name="pubkey"/>, or <see cref="ValidatorHistory.Empty"/> (version 0).</summary>
    ValueTask<ValidatorHistory> LoadAsync(byte[] pubkey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the history of <paramref name="pubkey"/> with <paramref name="history"/> if its stored
    /// version is still <paramref name="expectedVersion"/>, storing it with version expectedVersion + 1.
    /// Returns false, changing nothing, when another writer got there first. True means durably written.
    /// </summary>
    ValueTask<bool> TryReplaceAsync(byte[] pubkey, ValidatorHistory history, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Every key with a stored history (for export).</summary>
    IAsyncEnumerable<byte[]> ListPubkeysAsync(CancellationToken cancellationToken = default);
}
