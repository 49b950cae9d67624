using System.Globalization;

namespace NativeDvt.AppHost;

/// <summary>Adds the silos to the app model.</summary>
internal static class SiloResourceExtensions
{
    /// <summary>
    /// Where genesis lies from the AppHost's start: after the silos and the first identities are up (the devnet's HTTP host is
    /// healthy about 17 s after the start on a 2-core machine; identities that start later join at the current slot).
    /// </summary>
    private static readonly TimeSpan GenesisDelay = TimeSpan.FromSeconds(25);

    /// <summary>
    /// Adds <c>silo-1</c> .. <c>silo-k</c>, each with its own silo and gateway ports on 127.0.0.1, the devnet file and one
    /// genesis time for all (whichever silo starts the devnet grain first, genesis is the same). With storage each waits
    /// for Azurite; without, the one silo runs on localhost clustering and memory.
    /// </summary>
    public static IReadOnlyList<SiloResource> AddSilos(this IDistributedApplicationBuilder builder, DevnetStorage? storage, CheckedDevnet devnet, int siloCount)
    {
        var genesisTime = (DateTimeOffset.UtcNow + GenesisDelay).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var silos = new List<SiloResource>();
        for (var i = 1; i <= siloCount; i++)
        {
            var gatewayPort = LoopbackPorts.Free();
            var silo = builder.AddProject<Projects.NativeDvt_Silo>($"silo-{i}")
                .WithEnvironment("NDVT_SILO_PORT", LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture))
                .WithEnvironment("NDVT_GATEWAY_PORT", gatewayPort.ToString(CultureInfo.InvariantCulture))
                .WithEnvironment("NDVT_DEVNET_FILE", devnet.Path)
                .WithEnvironment("NDVT_GENESIS_TIME", genesisTime)
                .WithStorage(storage);
            silos.Add(new SiloResource(silo, gatewayPort));
        }

        return silos;
    }

    /// <summary>Hands <paramref name="storage"/>'s connection string to <paramref name="resource"/> and waits for it; nothing without storage.</summary>
    public static IResourceBuilder<ProjectResource> WithStorage(this IResourceBuilder<ProjectResource> resource, DevnetStorage? storage) =>
        storage is null
            ? resource
            : resource.WithEnvironment("ConnectionStrings__ndvt-storage", storage.ConnectionString).WaitFor(storage.Resource);
}
