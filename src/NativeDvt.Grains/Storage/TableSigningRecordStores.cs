using Azure.Data.Tables;
using NativeDvt.Node.Signing;

namespace NativeDvt.Grains.Storage;

/// <summary>Every identity's signing records in one storage table, one partition per identity.</summary>
public sealed class TableSigningRecordStores(TableServiceClient service, string tableName = TableSigningRecordStores.DefaultTableName) : ISigningRecordStores
{
    /// <summary>The table's name unless given.</summary>
    public const string DefaultTableName = "ndvtsigningrecords";

    private readonly Lazy<Task<TableClient>> _table = new(async () =>
    {
        var client = service.GetTableClient(tableName);
        await client.CreateIfNotExistsAsync().ConfigureAwait(false);
        return client;
    });

    /// <inheritdoc />
    public bool IsDurable => true;

    /// <inheritdoc />
    public async Task<ISigningRecordStore> ForIdentityAsync(string identity, CancellationToken cancellationToken) =>
        new TableSigningRecordStore(await _table.Value.WaitAsync(cancellationToken).ConfigureAwait(false), identity);
}
