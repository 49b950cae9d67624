using Orleans.TestingHost;

namespace NativeDvt.Grains.Tests;

/// <summary>One in-process Orleans cluster (one silo, memory storage) shared by the tests of <see cref="ClusterCollection"/>.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>The running cluster; its client is <see cref="TestCluster.Client"/>.</summary>
    public TestCluster Cluster { get; } = new TestClusterBuilder { Options = { InitialSilosCount = 1 } }
        .AddSiloBuilderConfigurator<MemoryStorage>()
        .Build();

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => await Cluster.DeployAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>The storage the devnet's grains name, in memory as the devnet without Azurite has it.</summary>
    private sealed class MemoryStorage : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddMemoryGrainStorage(DevnetGrain.StorageName);
    }
}
