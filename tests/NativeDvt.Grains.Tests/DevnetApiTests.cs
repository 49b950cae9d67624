using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Tests;

/// <summary>The devnet HTTP host's endpoints on ASP.NET's test server, against the shared cluster or one that never answers.</summary>
[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class DevnetApiTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Genesis_BeforeAndAfterStart_404ThenBeaconApiShape()
    {
        await using var app = await ApiTestServer.StartAsync(fixture.Cluster.Client);
        using var client = app.GetTestClient();
        var devnet = fixture.Cluster.Client.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet);

        // The only test that starts the cluster's "devnet" grain, so it is unstarted here.
        var before = await client.GetAsync(new Uri("/eth/v1/beacon/genesis", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(404, JsonDocument.Parse(await before.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("code").GetInt32());

        var genesis = await devnet.StartAsync(new DevnetStart(DevnetFiles.Local, 1_800_000_000));
        var after = await client.GetAsync(new Uri("/eth/v1/beacon/genesis", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var data = JsonDocument.Parse(await after.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("data");
        Assert.Equal("1800000000", data.GetProperty("genesis_time").GetString());
        Assert.Equal(genesis.GenesisValidatorsRoot, data.GetProperty("genesis_validators_root").GetString());
        Assert.Equal(genesis.GenesisForkVersion, data.GetProperty("genesis_fork_version").GetString());
        Assert.Equal(3, data.EnumerateObject().Count());
    }

    [Fact]
    public async Task NodeHealth_ClusterAnswers_200()
    {
        await using var app = await ApiTestServer.StartAsync(fixture.Cluster.Client);
        using var client = app.GetTestClient();

        var response = await client.GetAsync(new Uri("/eth/v1/node/health", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task NodeHealthAndGenesis_ClusterDoesNotAnswer_503()
    {
        await using var app = await ApiTestServer.StartAsync(DispatchProxy.Create<IGrainFactory, UnreachableCluster>());
        using var client = app.GetTestClient();

        var health = await client.GetAsync(new Uri("/eth/v1/node/health", UriKind.Relative), Ct);
        var genesis = await client.GetAsync(new Uri("/eth/v1/beacon/genesis", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, genesis.StatusCode);
    }

    [Theory]
    [InlineData("/api/events")]
    [InlineData("/api/identities")]
    [InlineData("/eth/v1/beacon/headers/head")]
    public async Task Endpoint_ClusterFailingOver_503WithABeaconErrorSayingRetry(string path)
    {
        await using var app = await ApiTestServer.StartAsync(DispatchProxy.Create<IGrainFactory, FailingOverCluster>());
        using var client = app.GetTestClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(503, body.GetProperty("code").GetInt32());
        Assert.Contains("retry", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_Appended_ListedWithKindSlotWhoDetails()
    {
        await using var app = await ApiTestServer.StartAsync(fixture.Cluster.Client);
        using var client = app.GetTestClient();
        var devnet = fixture.Cluster.Client.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet);
        var index = await devnet.AppendEventAsync(new DevnetEvent(DevnetEventKinds.MemberEquivocation, 17, "g1/m2", "two blocks at slot 17"));

        var all = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/events", UriKind.Relative), Ct)).RootElement;
        var since = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/events?since={index}", UriKind.Relative), Ct)).RootElement;

        Assert.Equal(JsonValueKind.Array, all.ValueKind);
        var entry = Assert.Single(since.EnumerateArray());
        Assert.Equal(index, entry.GetProperty("index").GetInt32());
        Assert.Equal("member-equivocation", entry.GetProperty("kind").GetString());
        Assert.Equal(17UL, entry.GetProperty("slot").GetUInt64());
        Assert.Equal("g1/m2", entry.GetProperty("who").GetString());
        Assert.Equal("two blocks at slot 17", entry.GetProperty("details").GetString());
        Assert.True(entry.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
        Assert.Contains(all.EnumerateArray(), e => e.GetProperty("index").GetInt32() == index);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An <see cref="IGrainFactory"/> whose every call fails, as a client does whose gateways are all gone.</summary>
    public class UnreachableCluster : DispatchProxy
    {
        /// <inheritdoc />
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException("no gateway answers");
    }

    /// <summary>An <see cref="IGrainFactory"/> whose calls fail as they do while the silo hosting a grain is being declared dead.</summary>
    public class FailingOverCluster : DispatchProxy
    {
        /// <inheritdoc />
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new SiloUnavailableException("the silo hosting the grain is unavailable");
    }
}
