using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Tests;

[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class DevnetGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Cluster.Client;

    // Each test its own grain: the cluster is shared and the log is append-only.
    private IDevnetGrain NewDevnet() => _grains.GetGrain<IDevnetGrain>(Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AppendEvent_Several_KeptInAppendOrderWithIndices()
    {
        var devnet = NewDevnet();
        var kinds = new[] { DevnetEventKinds.IdentityStarted, DevnetEventKinds.MemberEquivocation, DevnetEventKinds.GroupSlashing, DevnetEventKinds.KeyRotation };

        var indices = new List<int>();
        for (var i = 0; i < kinds.Length; i++)
        {
            indices.Add(await devnet.AppendEventAsync(new DevnetEvent(kinds[i], (ulong)(10 + i), $"g0/m{i}", $"event {i}")));
        }

        Assert.Equal([0, 1, 2, 3], indices);
        Assert.Equal(kinds, (await devnet.GetEventsAsync(0)).Select(e => e.Kind));
        var tail = await devnet.GetEventsAsync(2);
        Assert.Equal([DevnetEventKinds.GroupSlashing, DevnetEventKinds.KeyRotation], tail.Select(e => e.Kind));
        Assert.True(new DevnetEvent(DevnetEventKinds.GroupSlashing, 12, "g0/m2", "event 2").SameAs(tail[0]));
        Assert.NotEqual(default, tail[0].At);
        Assert.True(tail[0].At >= (await devnet.GetEventsAsync(0))[0].At);
        Assert.Empty(await devnet.GetEventsAsync(4));
    }

    [Fact]
    public async Task State_AfterDeactivation_IsReadBackFromStorage()
    {
        var devnet = NewDevnet();
        var genesis = await devnet.StartAsync(new DevnetStart(DevnetFiles.Local, 1_800_000_000));
        await devnet.RegisterBootstrapPeerAsync("/ip4/127.0.0.1/tcp/9000/p2p/16Uiu2HAm");
        await devnet.AppendEventAsync(new DevnetEvent(DevnetEventKinds.SiloFailover, 40, "silo-2", "left the cluster"));

        var management = _grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
        var statistics = await management.GetSimpleGrainStatistics(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(statistics, s => s.GrainType.Contains(nameof(DevnetGrain), StringComparison.Ordinal) && s.ActivationCount > 0);

        Assert.Equal(genesis, await devnet.GetGenesisAsync());
        Assert.Equal(DevnetFiles.Local, await devnet.GetFileAsync());
        Assert.Equal(["/ip4/127.0.0.1/tcp/9000/p2p/16Uiu2HAm"], await devnet.GetBootstrapPeersAsync());
        Assert.Equal([DevnetEventKinds.DevnetStarted, DevnetEventKinds.SiloFailover], (await devnet.GetEventsAsync(0)).Select(e => e.Kind));
    }

    [Fact]
    public async Task StartAsync_SecondStart_KeepsTheFirstGenesis()
    {
        var devnet = NewDevnet();

        var first = await devnet.StartAsync(new DevnetStart(DevnetFiles.Local, 1_800_000_000));
        var second = await devnet.StartAsync(new DevnetStart(DevnetFiles.Inline("ed25519"), 1_900_000_000));

        Assert.Equal(first, second);
        Assert.Equal(1_800_000_000UL, first.GenesisTime);
        Assert.Equal(DevnetFiles.Local, await devnet.GetFileAsync());
        Assert.Single(await devnet.GetEventsAsync(0));
    }

    [Fact]
    public async Task StartAsync_LocalDevnet_ReportsGenesisAsEveryHostBuildsIt()
    {
        var genesis = await NewDevnet().StartAsync(new DevnetStart(DevnetFiles.Local, 1_800_000_000));

        Assert.Equal(GenesisSummaries.Build(DevnetFiles.Local, 1_800_000_000), genesis);
        Assert.Matches("^0x[0-9a-f]{64}$", genesis.GenesisValidatorsRoot);
        Assert.Matches("^0x[0-9a-f]{8}$", genesis.GenesisForkVersion);
    }

    [Fact]
    public async Task StartAsync_InsecureFast_IsRefusedAndNothingIsFixed()
    {
        var devnet = NewDevnet();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => devnet.StartAsync(new DevnetStart(DevnetFiles.Inline("insecure-fast"), 1_800_000_000)));

        Assert.Contains("insecure-fast", error.Message, StringComparison.Ordinal);
        Assert.Null(await devnet.GetGenesisAsync());
    }

    [Fact]
    public async Task RegisterBootstrapPeer_Repeated_KeptOnceInOrder()
    {
        var devnet = NewDevnet();

        await devnet.RegisterBootstrapPeerAsync("/ip4/127.0.0.1/tcp/9001");
        await devnet.RegisterBootstrapPeerAsync("/ip4/127.0.0.1/tcp/9000");
        await devnet.RegisterBootstrapPeerAsync("/ip4/127.0.0.1/tcp/9001");

        Assert.Equal(["/ip4/127.0.0.1/tcp/9001", "/ip4/127.0.0.1/tcp/9000"], await devnet.GetBootstrapPeersAsync());
    }
}
