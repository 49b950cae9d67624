using System.Collections.Concurrent;
using NativeDvt.Node.Signing;

namespace NativeDvt.Grains.Storage;

/// <summary>Signing records in the silo's memory (a devnet without Azurite): they survive a node's restart on this silo, not a move.</summary>
public sealed class MemorySigningRecordStores : ISigningRecordStores
{
    private readonly ConcurrentDictionary<string, InMemorySigningRecordStore> _stores = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public bool IsDurable => false;

    /// <inheritdoc />
    public Task<ISigningRecordStore> ForIdentityAsync(string identity, CancellationToken cancellationToken) =>
        Task.FromResult<ISigningRecordStore>(_stores.GetOrAdd(identity, _ => new InMemorySigningRecordStore()));
}
