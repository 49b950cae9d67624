namespace NativeDvt.Node.Signing;

/// <summary>
/// Where a host keeps the records a signature depends on (slashing-protection history, a stateful scheme's
/// one-time-key index, inclusion lists signed): small values under string keys, each with a version, as a
/// compare-and-swap register. The node reads each key once and writes through a <see cref="SigningJournal"/>,
/// which lets no signature leave before the write that recorded it has returned true.
/// </summary>
/// <remarks>
/// One shape for every durable record, so a host implements one store (the identity grain: Azure Table rows,
/// the ETag as version). The version guards against a second writer (a stale activation of the same identity):
/// a write against a version that moved fails, and the node stops signing rather than decide on a history it no
/// longer holds.
/// </remarks>
public interface ISigningRecordStore
{
    /// <summary>The value and version stored under <paramref name="key"/>, or null when there is none (version 0).</summary>
    ValueTask<StoredRecord?> ReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/> with version expectedVersion + 1 if the stored
    /// version is still <paramref name="expectedVersion"/> (0: no record yet). False, changing nothing, when it moved.
    /// True means durably written: the record survives a crash of this process.
    /// </summary>
    ValueTask<bool> TryWriteAsync(string key, byte[] value, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Every key that starts with <paramref name="prefix"/> (for export).</summary>
    IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default);
}
