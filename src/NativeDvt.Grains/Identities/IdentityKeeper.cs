using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NativeDvt.Devnet;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Identities;

/// <summary>
/// Keeps every identity of the devnet running: every silo calls <see cref="IIdentityGrain.EnsureRunningAsync"/> on each
/// one every <see cref="Period"/>. A call to an identity whose silo died activates it on a live silo (once the cluster
/// has declared the dead one dead), which starts its node again: the failover path. Offline members are never started.
/// </summary>
public sealed partial class IdentityKeeper(IGrainFactory grains, SiloDevnets devnets, TimeProvider time, ILogger<IdentityKeeper> logger) : BackgroundService
{
    /// <summary>How often each identity is checked.</summary>
    public static TimeSpan Period { get; } = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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

        var calls = context.Identities()
            .Where(identity => identity.Profile.Kind != ProfileKind.Offline)
            .Select(identity => EnsureAsync(identity.Key, cancellationToken));
        await Task.WhenAll(calls).ConfigureAwait(false);
    }

    private async Task EnsureAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IIdentityGrain>(key).EnsureRunningAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            LogEnsureFailed(logger, key, error.Message);
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Identity {Identity} could not be started: {Reason}")]
    private static partial void LogEnsureFailed(ILogger logger, string identity, string reason);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "The identity keeper's round failed: {Reason}")]
    private static partial void LogRoundFailed(ILogger logger, string reason);
}
