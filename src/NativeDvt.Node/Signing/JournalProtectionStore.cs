using System.Runtime.CompilerServices;
using NativeDvt.Consensus.SlashingProtection;

namespace NativeDvt.Node.Signing;

/// <summary>
/// The slashing-protection store a node's signers decide on: each key's history in memory, read once through the
/// journal and written back through it, so a decision is synchronous and its record durable before the signature
/// leaves. Only the node writes a key's history while the node runs.
/// </summary>
internal sealed class JournalProtectionStore(SigningJournal journal) : ISlashingProtectionStore
{
    private readonly Dictionary<string, (byte[] Pubkey, ValidatorHistory History)> _histories = new(StringComparer.Ordinal);

    /// <summary>True when the key's history is in memory; false while it is being read (or could not be).</summary>
    public bool IsLoaded(byte[] pubkey)
    {
        var key = RecordKeys.SlashingProtection(pubkey);
        if (_histories.ContainsKey(key))
        {
            return true;
        }

        if (!journal.TryLoad(key, out var bytes))
        {
            return false;
        }

        try
        {
            _histories[key] = ((byte[])pubkey.Clone(), bytes is null ? ValidatorHistory.Empty : ValidatorHistoryCodec.Decode(bytes, 0));
            return true;
        }
        catch (FormatException error)
        {
            journal.Halt($"signing record {key} is unreadable: {error.Message}");
            return false;
        }
    }

    public ValueTask<ValidatorHistory> LoadAsync(byte[] pubkey, CancellationToken cancellationToken = default) =>
        _histories.TryGetValue(RecordKeys.SlashingProtection(pubkey), out var entry)
            ? ValueTask.FromResult(entry.History)
            : throw new InvalidOperationException("a signer asked for a slashing-protection history it did not load first");

    public ValueTask<bool> TryReplaceAsync(byte[] pubkey, ValidatorHistory history, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var key = RecordKeys.SlashingProtection(pubkey);
        if (!_histories.TryGetValue(key, out var entry) || entry.History.Version != expectedVersion)
        {
            return ValueTask.FromResult(false);
        }

        _histories[key] = (entry.Pubkey, history with { Version = expectedVersion + 1 });
        if (journal.IsDurable)
        {
            journal.Write(key, ValidatorHistoryCodec.Encode(history));
        }

        return ValueTask.FromResult(true);
    }

    public async IAsyncEnumerable<byte[]> ListPubkeysAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var (pubkey, _) in _histories.Values.ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (byte[])pubkey.Clone();
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
