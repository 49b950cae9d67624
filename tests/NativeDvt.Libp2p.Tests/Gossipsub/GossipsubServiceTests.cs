using System.Threading.Channels;
using NativeDvt.Libp2p.Gossipsub;

namespace NativeDvt.Libp2p.Tests.Gossipsub;

[Trait("Category", "Loopback")]
public sealed class GossipsubServiceTests
{
    private const string Topic = TestOptions.Topic;

    [Fact]
    public async Task Publish_OverStreams_ReachesEveryNodeOfAChain()
    {
        var registry = new Dictionary<string, SocketPairHost>();
        var services = new List<GossipsubService>();
        var inbox = Channel.CreateUnbounded<(string Node, byte[] Data)>();
        for (var i = 0; i < 4; i++)
        {
            var name = $"n{i}";
            registry[name] = new SocketPairHost(name, registry);
            var service = new GossipsubService(registry[name], TestOptions.Create(i) with { HeartbeatInterval = TimeSpan.FromMilliseconds(50) });
            service.Router.MessageReceived += (_, m) => inbox.Writer.TryWrite((name, m.Data));
            service.Router.Subscribe(Topic);
            service.Start();
            services.Add(service);
        }

        try
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.True(await services[i].AddPeerAsync($"n{i + 1}", outbound: true));
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            while (services[3].Router.MeshPeers(Topic).Count == 0 || services[0].Router.MeshPeers(Topic).Count == 0)
            {
                await Task.Delay(20, timeout.Token);
            }

            services[0].Router.Publish(Topic, [1, 2, 3]);
            var got = new HashSet<string>();
            while (got.Count < 3)
            {
                var (node, data) = await inbox.Reader.ReadAsync(timeout.Token);
                Assert.Equal([1, 2, 3], data);
                Assert.True(got.Add(node), $"{node} delivered twice");
            }
        }
        finally
        {
            foreach (var service in services)
            {
                await service.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task InboundStream_MalformedFrame_DropsAndDisconnectsThatPeer()
    {
        var registry = new Dictionary<string, SocketPairHost>();
        registry["a"] = new SocketPairHost("a", registry);
        var rogue = new SocketPairHost("rogue", registry);
        registry["rogue"] = rogue;
        Func<string, string, Stream, Task> keepOpen = async (_, _, stream) => await stream.CopyToAsync(Stream.Null);
        rogue.SetStreamHandler(GossipsubProtocolIds.All, keepOpen);
        await using var service = new GossipsubService(registry["a"], TestOptions.Create(1));
        var misbehaved = new TaskCompletionSource<RpcDecodeException>(TaskCreationOptions.RunContinuationsAsynchronously);
        service.PeerMisbehaved += (_, e) => misbehaved.TrySetResult(e);
        var ct = TestContext.Current.CancellationToken;

        var (stream, _) = await rogue.OpenStreamAsync("a", GossipsubProtocolIds.All, ct);
        await stream.WriteAsync(RpcFraming.Frame(new Rpc { Subscriptions = [new SubOpts(true, Topic)] }, 1000), ct);
        for (var i = 0; i < 500 && service.Router.TopicPeers(Topic).Count == 0; i++)
        {
            await Task.Delay(10, ct);
        }

        Assert.Contains("rogue", service.Router.TopicPeers(Topic));
        await stream.WriteAsync(new byte[] { 0x03, 0x0b, 0x00, 0x00 }, ct);

        var error = await misbehaved.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.Contains("pubsub RPC", error.Message, StringComparison.Ordinal);
        Assert.Empty(service.Router.TopicPeers(Topic));
        for (var i = 0; i < 500 && registry["a"].Disconnected.Count == 0; i++)
        {
            await Task.Delay(10, ct);
        }

        Assert.Equal(["rogue"], registry["a"].Disconnected);
        await stream.DisposeAsync();
    }
}
