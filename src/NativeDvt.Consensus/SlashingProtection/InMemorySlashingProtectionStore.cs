namespace NativeDvt.Consensus.SlashingProtection;

/// <summary>A process-local store for tests and single-process tools; durability ends with the instance.</summary>
public sealed class InMemorySlashingProtectionStore : ISlashingProtectionStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (byte[] Pubkey, ValidatorHistory History)> _histories = [];

    /// <inheritdoc />
    public ValueTask<ValidatorHistory> LoadAsync(byte[] pubkey, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_histories.TryGetValue(Key(pubkey), out var entry) ? entry.History : ValidatorHistory.Empty);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryReplaceAsync(byte[] pubkey, ValidatorHistory history, long expectedVersion, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var key = Key(pubkey);
            var current = _histories.TryGetValue(key, out var entry) ? entry.History.Version : 0;
            if (current != expectedVersion)
            {
                return ValueTask.FromResult(false);
            }

            _histories[key] = ((byte[])pubkey.Clone(), history with { Version = expectedVersion + 1 });
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<byte[]> ListPubkeysAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return _histories.Values.Select(entry => (byte[])entry.Pubkey.Clone()).ToArray().ToAsyncEnumerable();
        }
    }

    private static string Key(byte[] pubkey) => Convert.ToHexString(pubkey);
}
