using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Silo;

/// <summary>
/// Starts the devnet grain with the devnet file once the silo is active. Every silo does it; the first start fixes genesis
/// and the others get the same answer, so no silo has to be "the first".
/// </summary>
internal sealed partial class DevnetStartupTask(IGrainFactory grains, SiloSettings settings, TimeProvider time, ILogger<DevnetStartupTask> logger) : IStartupTask
{
    /// <summary>Genesis when no time is handed in: late enough for the other silos and the first identities to come up.</summary>
    private static readonly TimeSpan DefaultGenesisDelay = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public async Task Execute(CancellationToken cancellationToken)
    {
        if (settings.DevnetFile is not { } path)
        {
            LogNoDevnetFile(logger);
            return;
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        var genesisTime = settings.GenesisTime ?? (ulong)(time.GetUtcNow() + DefaultGenesisDelay).ToUnixTimeSeconds();
        var genesis = await grains.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet).StartAsync(new DevnetStart(new DevnetFile(path, text), genesisTime));
        LogDevnetStarted(logger, path, genesis.GenesisTime, genesis.GenesisValidatorsRoot, genesis.GenesisForkVersion);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "No devnet file (NDVT_DEVNET_FILE): the devnet grain waits for another silo to start it")]
    private static partial void LogNoDevnetFile(ILogger logger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Devnet {Path}: genesis time {GenesisTime}, validators root {Root}, fork version {ForkVersion}")]
    private static partial void LogDevnetStarted(ILogger logger, string path, ulong genesisTime, string root, string forkVersion);
}
