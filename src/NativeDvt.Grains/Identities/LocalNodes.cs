using System.Collections.Concurrent;
using NativeDvt.Consensus.State;

namespace NativeDvt.Grains.Identities;

/// <summary>The identity nodes running in this silo for one devnet: where a starting identity finds a checkpoint.</summary>
internal sealed class LocalNodes
{
    private readonly ConcurrentDictionary<IdentityNode, byte> _running = new();

    public void Add(IdentityNode node) => _running.TryAdd(node, 0);

    public void Remove(IdentityNode node) => _running.TryRemove(node, out _);

    /// <summary>The newest finalized block's post-state any of them holds (read on each node's own loop), or null.</summary>
    public async Task<BeaconState?> NewestFinalizedStateAsync()
    {
        BeaconState? newest = null;
        foreach (var node in _running.Keys)
        {
            try
            {
                if (await node.FinalizedStateAsync().ConfigureAwait(false) is { } state && (newest is null || state.Slot > newest.Slot))
                {
                    newest = state;
                }
            }
            catch (ObjectDisposedException)
            {
                // Stopped while we asked.
            }
            catch (OperationCanceledException)
            {
                // Stopped while we asked.
            }
        }

        return newest;
    }
}
