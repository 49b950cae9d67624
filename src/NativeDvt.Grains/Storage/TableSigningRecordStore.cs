using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using NativeDvt.Node.Signing;

namespace NativeDvt.Grains.Storage;

/// <summary>
/// An identity's signing records in an Azure Storage table (Azurite locally, a storage account when silos run on
/// several machines): one entity per record, partition = the identity, row = the record key, the value split over
/// binary properties of at most 60 KB (a property holds 64 KiB), the version in its own column.
/// </summary>
/// <remarks>
/// A write is the table's conditional update: insert when the expected version is 0 (a conflict means another writer
/// was first), else replace with If-Match on the ETag that goes with the expected version. A response means the
/// entity is durable in the table service, so a node may release the signature behind it.
/// </remarks>
public sealed class TableSigningRecordStore : ISigningRecordStore
{
    private const int ChunkBytes = 60 * 1024;
    private const int MaxChunks = 15;
    private readonly TableClient _table;
    private readonly string _partition;
    private readonly ConcurrentDictionary<string, (long Version, ETag ETag)> _etags = new(StringComparer.Ordinal);

    /// <summary>The records of <paramref name="partition"/> (one identity) in <paramref name="table"/>, which must exist.</summary>
    public TableSigningRecordStore(TableClient table, string partition)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
        _table = table;
        _partition = partition;
    }

    /// <inheritdoc />
    public async ValueTask<StoredRecord?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(_partition, RowKey(key), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value is not { } entity)
        {
            _etags.TryRemove(key, out _);
            return null;
        }

        var version = entity.GetInt64("Version") ?? throw new InvalidDataException($"signing record {key} of {_partition} has no version");
        _etags[key] = (version, entity.ETag);
        return new StoredRecord(Join(entity, key), version);
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryWriteAsync(string key, byte[] value, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var entity = Split(key, value, expectedVersion + 1);
        try
        {
            Response response;
            if (expectedVersion == 0)
            {
                response = await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (!_etags.TryGetValue(key, out var known) || known.Version != expectedVersion)
                {
                    // Not the version this store last saw: look at what is stored now.
                    if ((await ReadAsync(key, cancellationToken).ConfigureAwait(false))?.Version != expectedVersion)
                    {
                        return false;
                    }

                    known = _etags[key];
                }

                response = await _table.UpdateEntityAsync(entity, known.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            _etags[key] = (expectedVersion + 1, response.Headers.ETag ?? default);
            return true;
        }
        catch (RequestFailedException error) when (error.Status is 409 or 412)
        {
            _etags.TryRemove(key, out _);
            return false;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {_partition}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var key = Key(entity.RowKey);
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return key;
            }
        }
    }

    // Row keys may not hold '/', '\', '#' or '?': the record keys' '/' becomes '|'.
    private static string RowKey(string key) => key.Replace('/', '|');

    private static string Key(string rowKey) => rowKey.Replace('|', '/');

    private TableEntity Split(string key, byte[] value, long version)
    {
        var chunks = Math.Max(1, (value.Length + ChunkBytes - 1) / ChunkBytes);
        if (chunks > MaxChunks)
        {
            throw new ArgumentException($"signing record {key} is {value.Length} bytes, more than a table entity holds", nameof(value));
        }

        var entity = new TableEntity(_partition, RowKey(key)) { ["Version"] = version, ["Chunks"] = chunks };
        for (var i = 0; i < chunks; i++)
        {
            entity[$"V{i}"] = value.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, value.Length - (i * ChunkBytes))).ToArray();
        }

        return entity;
    }

    private byte[] Join(TableEntity entity, string key)
    {
        var chunks = entity.GetInt32("Chunks") ?? throw new InvalidDataException($"signing record {key} of {_partition} has no chunk count");
        var value = new List<byte>();
        for (var i = 0; i < chunks; i++)
        {
            value.AddRange(entity.GetBinary($"V{i}") ?? throw new InvalidDataException($"signing record {key} of {_partition} lacks chunk {i}"));
        }

        return [.. value];
    }
}
