using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Api;

/// <summary>Whether the cluster answers: one call to the devnet grain, bounded in time.</summary>
public sealed class ClusterProbe(IGrainFactory grains)
{
    /// <summary>How long a probe waits; a health endpoint must answer quickly even when the silos are gone.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>The devnet grain's genesis (null before the devnet was started), or an exception when the cluster does not answer.</summary>
    public Task<GenesisSummary?> GenesisAsync(CancellationToken cancellationToken) =>
        grains.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet).GetGenesisAsync().WaitAsync(Timeout, cancellationToken);

    /// <summary>True when the devnet grain answered within <see cref="Timeout"/>.</summary>
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await GenesisAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A timeout, a gateway that is gone, a silo shutting down: all mean "not healthy now".
            return false;
        }
    }
}
