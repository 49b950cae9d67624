using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Testing;

/// <summary>
/// Faults a test makes, through the devnet's fault controls (<see cref="IFaultGrain"/>, as the dashboard's): identities
/// stopped and started, the devnet split into sides and healed, keys rotated, groups' blocks delayed, profiles switched. Each is logged
/// as a fault entry the dashboard's ledger follows.
/// </summary>
public sealed partial class TestDevnet
{
    /// <summary>The fault controls.</summary>
    public IFaultGrain Faults => Client.GetGrain<IFaultGrain>(DevnetGrainKeys.Devnet);

    /// <summary>Stops the nodes of the identities <paramref name="selector"/> names; the keepers leave them stopped.</summary>
    /// <exception cref="ArgumentException">The selector names nothing of this devnet.</exception>
    public async Task<IReadOnlyList<IdentityStatus>> StopIdentitiesAsync(string selector)
    {
        Applied(await Faults.StopAsync(selector).ConfigureAwait(false));
        return await GetStatusesAsync(selector).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the nodes of the identities <paramref name="selector"/> names again (after <see cref="StopIdentitiesAsync"/>),
    /// with their peer ids and signing records; returns once they run.
    /// </summary>
    /// <exception cref="ArgumentException">The selector names nothing of this devnet.</exception>
    public async Task<IReadOnlyList<IdentityStatus>> StartIdentitiesAsync(string selector)
    {
        Applied(await Faults.StartAsync(selector).ConfigureAwait(false));
        return await GetStatusesAsync(selector).ConfigureAwait(false);
    }

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
        Applied(await Faults.PartitionAsync(sides).ConfigureAwait(false));
    }

    /// <summary>Ends the partition: every identity admits every peer again and dials those it lost.</summary>
    public async Task HealAsync() => Applied(await Faults.HealAsync().ConfigureAwait(false));

    /// <summary>
    /// The running members <paramref name="selector"/> names each start a rotation to their key's next generation; the
    /// group co-signs it and the new key is in force two epochs later (a <c>key-rotation</c> event when a block includes it).
    /// </summary>
    /// <exception cref="ArgumentException">The selector names nothing of this devnet, or none of it runs.</exception>
    public async Task RotateKeysAsync(string selector) => Applied(await Faults.RotateAsync(selector).ConfigureAwait(false));

    private static void Applied(FaultOutcome outcome)
    {
        if (!outcome.Applied)
        {
            throw new ArgumentException(outcome.Error, outcome.Field);
        }
    }
}
