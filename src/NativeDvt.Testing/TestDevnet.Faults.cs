using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Testing;

/// <summary>Faults a test makes: identities stopped and started, the devnet split into sides and healed.</summary>
public sealed partial class TestDevnet
{
    /// <summary>Stops the nodes of the identities <paramref name="selector"/> names; the keepers leave them stopped.</summary>
    public async Task<IReadOnlyList<IdentityStatus>> StopIdentitiesAsync(string selector)
    {
        var keys = Select(selector);
        await Task.WhenAll(keys.Select(key => Client.GetGrain<IIdentityGrain>(key).StopAsync())).ConfigureAwait(false);
        return await GetStatusesAsync(selector).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the nodes of the identities <paramref name="selector"/> names again (after <see cref="StopIdentitiesAsync"/>),
    /// with their peer ids and signing records; returns once they run.
    /// </summary>
    public async Task<IReadOnlyList<IdentityStatus>> StartIdentitiesAsync(string selector) =>
        await Task.WhenAll(Select(selector).Select(key => Client.GetGrain<IIdentityGrain>(key).StartAsync())).ConfigureAwait(false);

    /// <summary>
    /// Splits the devnet into <paramref name="sides"/>, each a selector; identities on no side join the first, as a
    /// devnet file's <c>partition</c> fault has it. No connection, so no gossip and no request, crosses between sides
    /// until <see cref="HealAsync"/> or the next partition. An identity that has never run (an offline member) has no peer
    /// id yet: if it starts during the partition, no side admits it.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two sides, or an identity on two sides.</exception>
    public async Task PartitionAsync(params string[] sides)
    {
        ArgumentNullException.ThrowIfNull(sides);
        if (sides.Length < 2)
        {
            throw new ArgumentException("a partition needs at least two sides", nameof(sides));
        }

        var sideOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var side = 0; side < sides.Length; side++)
        {
            foreach (var key in Select(sides[side]))
            {
                if (!sideOf.TryAdd(key, side))
                {
                    throw new ArgumentException($"{key} is on side {sideOf[key]} ('{sides[sideOf[key]]}') and side {side} ('{sides[side]}')", nameof(sides));
                }
            }
        }

        var statuses = await GetStatusesAsync().ConfigureAwait(false);
        // An identity that never ran has no host key yet, so no peer id: nothing of it can be admitted or refused.
        var peers = statuses.Where(s => s.PeerId.Length > 0).ToLookup(s => sideOf.GetValueOrDefault(s.Identity), s => s.PeerId);
        await Task.WhenAll(Identities.Select(key => Client.GetGrain<IIdentityGrain>(key).SetPartitionAsync([.. peers[sideOf.GetValueOrDefault(key)]])))
            .ConfigureAwait(false);
        await Devnet.AppendEventAsync(new DevnetEvent(DevnetEventKinds.Partition, WallClockSlot, "devnet", "sides: " + string.Join(" | ", sides)))
            .ConfigureAwait(false);
    }

    /// <summary>Ends the partition: every identity admits every peer again and dials those it lost.</summary>
    public async Task HealAsync()
    {
        await Task.WhenAll(Identities.Select(key => Client.GetGrain<IIdentityGrain>(key).SetPartitionAsync(null))).ConfigureAwait(false);
        await Devnet.AppendEventAsync(new DevnetEvent(DevnetEventKinds.Heal, WallClockSlot, "devnet", "every identity admits every peer again"))
            .ConfigureAwait(false);
    }
}
