using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NativeDvt.Grains.Storage;

namespace NativeDvt.Grains.Identities;

/// <summary>What a silo needs to host identity grains.</summary>
public static class IdentityServices
{
    /// <summary>
    /// The silo's devnet contexts, the identities' signing-record stores (a storage table when
    /// <paramref name="storageConnectionString"/> is given, the silo's memory otherwise) and, unless
    /// <paramref name="keeper"/> is false, the keeper that starts every identity and moves those of a dead silo. The
    /// identities' libp2p hosts listen on <paramref name="listenAddress"/> (127.0.0.1 unless given).
    /// </summary>
    public static IServiceCollection AddDevnetIdentities(this IServiceCollection services, string? storageConnectionString, bool keeper = true, IPAddress? listenAddress = null)
    {
        services.AddSingleton<SiloDevnets>();
        services.AddPlacementDirector<IdentityPlacement, IdentityPlacementDirector>();
        services.AddSingleton(new IdentityNetwork(listenAddress ?? IPAddress.Loopback));
        services.TryAddSingleton(TimeProvider.System);
        if (storageConnectionString is { } storage)
        {
            services.AddSingleton<ISigningRecordStores>(new TableSigningRecordStores(new TableServiceClient(storage)));
        }
        else
        {
            services.AddSingleton<ISigningRecordStores, MemorySigningRecordStores>();
        }

        if (keeper)
        {
            services.AddHostedService<IdentityKeeper>();
        }

        return services;
    }
}
