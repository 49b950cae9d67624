using System.Collections.Concurrent;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Identities;

/// <summary>The silo's <see cref="DevnetContext"/> per devnet (by genesis validators root), built once, off the grain scheduler.</summary>
public sealed class SiloDevnets
{
    private readonly ConcurrentDictionary<string, Lazy<Task<DevnetContext>>> _contexts = new(StringComparer.Ordinal);

    /// <summary>The context of the devnet that <paramref name="devnet"/> runs; null while it has not started.</summary>
    public async Task<DevnetContext?> GetAsync(IDevnetGrain devnet)
    {
        if (await devnet.GetGenesisAsync().ConfigureAwait(false) is not { } genesis || await devnet.GetFileAsync().ConfigureAwait(false) is not { } file)
        {
            return null;
        }

        // Every caller awaits the one build; the build itself runs on the thread pool, so no scheduler thread waits.
        var entry = _contexts.GetOrAdd(genesis.GenesisValidatorsRoot, _ => new Lazy<Task<DevnetContext>>(() => Task.Run(() => DevnetContext.Build(file, genesis))));
        return await entry.Value.ConfigureAwait(false);
    }
}
