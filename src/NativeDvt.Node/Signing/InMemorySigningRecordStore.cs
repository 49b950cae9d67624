using System.Runtime.CompilerServices;

namespace NativeDvt.Node.Signing;

/// <summary>
/// A process-local record store: for tests and for hosts without storage. Durability ends with the instance,
/// so a host that restarts a node over a new one forgets what its keys signed.
/// </summary>
public sealed class InMemorySigningRecordStore : ISigningRecordStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, StoredRecord> _records = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<StoredRecord?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_records.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryWriteAsync(string key, byte[] value, long expectedVersion, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var current = _records.TryGetValue(key, out var record) ? record.Version : 0;
            if (current != expectedVersion)
            {
                return ValueTask.FromResult(false);
            }

            _records[key] = new StoredRecord([.. value], expectedVersion + 1);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string[] keys;
        lock (_lock)
        {
            keys = [.. _records.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        }

        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
