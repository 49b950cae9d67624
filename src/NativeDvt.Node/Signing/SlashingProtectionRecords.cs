using System.Runtime.CompilerServices;
using NativeDvt.Consensus.SlashingProtection;

namespace NativeDvt.Node.Signing;

/// <summary>
/// The slashing-protection histories of an <see cref="ISigningRecordStore"/> as an <see cref="ISlashingProtectionStore"/>,
/// for a host's EIP-3076 import and export (through <see cref="SlashingProtector"/>) while the node is stopped.
/// </summary>
public sealed class SlashingProtectionRecords(ISigningRecordStore store) : ISlashingProtectionStore
{
    /// <inheritdoc />
    public async ValueTask<ValidatorHistory> LoadAsync(byte[] pubkey, CancellationToken cancellationToken = default)
    {
        var record = await store.ReadAsync(RecordKeys.SlashingProtection(pubkey), cancellationToken).ConfigureAwait(false);
        return record is null ? ValidatorHistory.Empty : ValidatorHistoryCodec.Decode(record.Value, record.Version);
    }

    /// <inheritdoc />
    public ValueTask<bool> TryReplaceAsync(byte[] pubkey, ValidatorHistory history, long expectedVersion, CancellationToken cancellationToken = default) =>
        store.TryWriteAsync(RecordKeys.SlashingProtection(pubkey), ValidatorHistoryCodec.Encode(history), expectedVersion, cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<byte[]> ListPubkeysAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var key in store.ListKeysAsync(RecordKeys.SlashingProtectionPrefix, cancellationToken).ConfigureAwait(false))
        {
            yield return Convert.FromHexString(key.AsSpan(RecordKeys.SlashingProtectionPrefix.Length));
        }
    }
}
