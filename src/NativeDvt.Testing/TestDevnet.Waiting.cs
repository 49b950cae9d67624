using NativeDvt.Grains.Faults;
using System.Diagnostics;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Testing;

/// <summary>Waiting for the chain. Only identities whose nodes run count; a wait that runs out says where each one was.</summary>
public sealed partial class TestDevnet
{
    /// <summary>Waits until every running identity <paramref name="selector"/> names has its head at <paramref name="slot"/> or later.</summary>
    /// <exception cref="DevnetWaitTimeoutException">Not within <paramref name="timeout"/> (default <see cref="TestDevnetOptions.WaitTimeout"/>).</exception>
    public Task<IReadOnlyList<IdentityStatus>> WaitForSlotAsync(ulong slot, string selector = "all", TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForEachRunningAsync($"head at slot {slot}", s => s.HeadSlot >= slot, selector, timeout, cancellationToken);

    /// <summary>Waits until every running identity <paramref name="selector"/> names has its head in <paramref name="epoch"/> or later.</summary>
    /// <exception cref="DevnetWaitTimeoutException">Not within <paramref name="timeout"/> (default <see cref="TestDevnetOptions.WaitTimeout"/>).</exception>
    public Task<IReadOnlyList<IdentityStatus>> WaitForEpochAsync(ulong epoch, string selector = "all", TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForEachRunningAsync($"head in epoch {epoch}", s => s.HeadSlot >= epoch * SlotsPerEpoch, selector, timeout, cancellationToken);

    /// <summary>Waits until every running identity <paramref name="selector"/> names has finalized <paramref name="epoch"/> or a later one.</summary>
    /// <exception cref="DevnetWaitTimeoutException">Not within <paramref name="timeout"/> (default <see cref="TestDevnetOptions.WaitTimeout"/>).</exception>
    public Task<IReadOnlyList<IdentityStatus>> WaitForFinalityAsync(ulong epoch, string selector = "all", TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForEachRunningAsync($"finalized epoch {epoch}", s => s.Finalized.Epoch >= epoch, selector, timeout, cancellationToken);

    /// <summary>
    /// Waits until <paramref name="done"/> holds for the statuses of the identities <paramref name="selector"/> names
    /// (stopped ones included, in registry order) and returns them.
    /// </summary>
    /// <param name="what">What is awaited, for the timeout's message ("one head").</param>
    /// <param name="done">The condition.</param>
    /// <param name="selector">The identities (see <see cref="IdentitySelection"/>).</param>
    /// <param name="timeout">Default <see cref="TestDevnetOptions.WaitTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="DevnetWaitTimeoutException">Not within <paramref name="timeout"/>.</exception>
    public async Task<IReadOnlyList<IdentityStatus>> WaitUntilAsync(
        string what, Func<IReadOnlyList<IdentityStatus>, bool> done, string selector = "all", TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(done);
        var keys = Select(selector);
        var limit = timeout ?? _options.WaitTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var statuses = await Task.WhenAll(keys.Select(key => Client.GetGrain<IIdentityGrain>(key).GetStatusAsync())).ConfigureAwait(false);
            if (done(statuses))
            {
                return statuses;
            }

            if (clock.Elapsed >= limit)
            {
                throw new DevnetWaitTimeoutException($"{Spec.Name} did not reach {what} ({selector}) within {limit.TotalSeconds:0.#} s: {Describe(statuses)}");
            }

            await Task.Delay(_options.PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<IReadOnlyList<IdentityStatus>> WaitForEachRunningAsync(
        string what, Func<IdentityStatus, bool> reached, string selector, TimeSpan? timeout, CancellationToken cancellationToken) =>
        WaitUntilAsync(what, statuses => statuses.Any(s => s.Running) && statuses.Where(s => s.Running).All(reached), selector, timeout, cancellationToken);
}
