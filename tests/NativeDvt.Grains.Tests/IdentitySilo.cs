using NativeDvt.Grains.Identities;
using Orleans.TestingHost;

namespace NativeDvt.Grains.Tests;

/// <summary>A TestingHost silo that runs identity grains with memory storage, as the devnet without Azurite runs them.</summary>
internal sealed class IdentitySilo : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder
        .AddMemoryGrainStorage(DevnetGrain.StorageName)
        .AddMemoryGrainStorage(IdentityGrain.StorageName)
        .ConfigureServices(services => services.AddDevnetIdentities(storageConnectionString: null));
}
