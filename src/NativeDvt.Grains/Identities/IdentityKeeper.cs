using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NativeDvt.Devnet;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Identities;

/// <summary>
/// Keeps every identity of the devnet running: every <see cref="Period"/> each silo calls
/// <see cref="IIdentityGrain.EnsureRunningAsync"/> on its share of the identities (<see cref="IdentityDealing"/>, which the
/// placement director also follows), so a devnet's identities spread over its silos. When a silo dies, the cluster
/// declares it dead, the shares are dealt again over the live silos, and their calls activate its identities there,
/// which start their nodes again: the failover path. When a silo joins, the identities dealt to it that still run
/// elsewhere move to it one per round (<see cref="IIdentityGrain.RebalanceAsync"/>), so each joining silo stops one
/// member at a time for its move. Offline members never start.
/// </summary>
public sealed partial class IdentityKeeper(
    IGrainFactory grains, SiloDevnets devnets, IClusterMembershipService membership, ILocalSiloDetails silo, TimeProvider time, ILogger<IdentityKeeper> logger)
    : BackgroundService
{
    /// <summary>How often each identity is checked.</summary>
    public static TimeSpan Period { get; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the first round waits for the silos the devnet file names, so that the first identities spread.</summary>
    public static TimeSpan SiloWait { get; } = TimeSpan.FromSeconds(20);

    private readonly HashSet<SiloAddress> _seenActive = [];
    private long _startedAt;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _startedAt = time.GetTimestamp();
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                await KeepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OutOfMemoryException && !stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(logger, error.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task KeepAsync(CancellationToken cancellationToken)
    {
        if (await devnets.GetAsync(grains.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet)).ConfigureAwait(false) is not { } context)
        {
            return;
        }

        var active = IdentityDealing.ActiveSilos(membership.CurrentSnapshot);
        var mine = Array.IndexOf(active, silo.SiloAddress);
        await ReportDeadSilosAsync(mine == 0, active.Length).ConfigureAwait(false);
        if (mine < 0 || (active.Length < context.Spec.Silos && time.GetElapsedTime(_startedAt) < SiloWait))
        {
            return;
        }

        if (mine == 0)
        {
            await KeepScheduleAsync(cancellationToken).ConfigureAwait(false);
        }

        var snapshot = membership.CurrentSnapshot;
        var calls = context.Identities()
            .Where(identity => identity.Profile.Kind != ProfileKind.Offline && silo.SiloAddress.Equals(IdentityDealing.SiloFor(identity.Key, snapshot)))
            .Select(identity => EnsureAsync(identity.Key, cancellationToken));
        var statuses = await Task.WhenAll(calls).ConfigureAwait(false);

        // A status from another silo is an identity that ran there before this silo joined (or before the dealing
        // changed): it moves here, one per round, since each move stops its node for a moment.
        if (statuses.FirstOrDefault(s => s is { Running: true } && s.Silo != silo.Name) is { } elsewhere)
        {
            await MoveAsync(elsewhere.Identity, elsewhere.Silo, cancellationToken).ConfigureAwait(false);
        }
    }

    // One live silo (the first in address order) writes the entry; the others only remember that it was seen.
    private async Task ReportDeadSilosAsync(bool reporter, int live)
    {
        var members = membership.CurrentSnapshot.Members.Values;
        _seenActive.UnionWith(members.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress));
        foreach (var dead in members.Where(m => m.Status == SiloStatus.Dead && _seenActive.Remove(m.SiloAddress)))
        {
            if (reporter)
            {
                await grains.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet).AppendEventAsync(new DevnetEvent(
                    DevnetEventKinds.SiloFailover, null, dead.Name, $"{dead.Name} left the cluster; its identities start again on the {live} live silo(s)")).ConfigureAwait(false);
            }
        }
    }

    private async Task<IdentityStatus?> EnsureAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await grains.GetGrain<IIdentityGrain>(key).EnsureRunningAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            LogEnsureFailed(logger, key, error.Message);
            return null;
        }
    }

    // After the first deal's wait, like the identities: an entry applied earlier would activate identities before their silos joined.
    private async Task KeepScheduleAsync(CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IFaultScheduleGrain>(DevnetGrainKeys.Devnet).EnsureRunningAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            LogScheduleFailed(logger, error.Message);
        }
    }

    private async Task MoveAsync(string key, string from, CancellationToken cancellationToken)
    {
        try
        {
            if (await grains.GetGrain<IIdentityGrain>(key).RebalanceAsync().WaitAsync(cancellationToken).ConfigureAwait(false))
            {
                LogMoving(logger, key, from, silo.Name);
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            LogEnsureFailed(logger, key, error.Message);
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Identity {Identity} could not be started: {Reason}")]
    private static partial void LogEnsureFailed(ILogger logger, string identity, string reason);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "Identity {Identity} moves from {From} to {To}, the silo the dealing gives it")]
    private static partial void LogMoving(ILogger logger, string identity, string from, string to);

    [LoggerMessage(EventId = 43, Level = LogLevel.Warning, Message = "The devnet file's fault schedule could not be kept running: {Reason}")]
    private static partial void LogScheduleFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "The identity keeper's round failed: {Reason}")]
    private static partial void LogRoundFailed(ILogger logger, string reason);
}
