using System.Threading.Channels;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Ethereum;
using NativeDvt.Libp2p.Gossipsub;
using NativeDvt.Libp2p.Hosting;

namespace NativeDvt.Libp2p.Tests.Gossipsub;

/// <summary>C# to C# gossip over the real stack (TCP, Noise, Yamux) on loopback.</summary>
[Trait("Category", "Loopback")]
public sealed class TcpGossipsubTests
{
    private static readonly string Topic = EthereumGossipTopic.Format([1, 2, 3, 4], "test");

    [Fact]
    public async Task Publish_BothWaysOverTcp_DeliversSnappyPayloads()
    {
        await using var a = await TcpNode.StartAsync();
        await using var b = await TcpNode.StartAsync();
        await b.Host.DialAsync(a.Address, TestContext.Current.CancellationToken);
        await TcpNode.WaitForMeshAsync(a, b);

        a.Gossip.Router.Publish(Topic, SszSnappy.Compress([1, 2, 3]));
        var atB = await b.NextAsync();
        b.Gossip.Router.Publish(Topic, SszSnappy.Compress([4, 5]));
        var atA = await a.NextAsync();

        Assert.Equal([1, 2, 3], SszSnappy.Decompress(atB.Data));
        Assert.Equal(a.Host.PeerId.ToString(), atB.PropagationSource);
        Assert.Equal([4, 5], SszSnappy.Decompress(atA.Data));
    }

    [Fact]
    public async Task Publish_ChainOfFourOverTcp_ReachesTheFarEnd()
    {
        var nodes = new List<TcpNode>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                nodes.Add(await TcpNode.StartAsync());
                if (i > 0)
                {
                    await nodes[i].Host.DialAsync(nodes[i - 1].Address, TestContext.Current.CancellationToken);
                }
            }

            for (var i = 1; i < 4; i++)
            {
                await TcpNode.WaitForMeshAsync(nodes[i - 1], nodes[i]);
            }

            nodes[0].Gossip.Router.Publish(Topic, SszSnappy.Compress("far"u8));

            Assert.Equal("far"u8.ToArray(), SszSnappy.Decompress((await nodes[3].NextAsync()).Data));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Validator_RejectsGarbageOverTcp_SenderScoreDrops()
    {
        await using var a = await TcpNode.StartAsync();
        await using var b = await TcpNode.StartAsync();
        await b.Host.DialAsync(a.Address, TestContext.Current.CancellationToken);
        await TcpNode.WaitForMeshAsync(a, b);

        b.Gossip.Router.Publish(Topic, [0xff, 0x00, 0x01]);
        var peer = b.Host.PeerId.ToString();
        for (var i = 0; i < 200 && a.Gossip.Router.GetScore(peer) >= 0; i++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.True(a.Gossip.Router.GetScore(peer) < 0, $"score {a.Gossip.Router.GetScore(peer)}");
    }

    [Fact]
    public async Task InboundStream_MalformedFrameOverTcp_PeerDisconnected()
    {
        await using var a = await TcpNode.StartAsync();
        await using var rogue = new Libp2pHost(new Libp2pHostOptions { Identity = PrivateKey.GenerateEd25519() });
        rogue.SetHandler(GossipsubProtocolIds.MeshsubV11, async context => await context.Stream.CopyToAsync(Stream.Null));
        var ct = TestContext.Current.CancellationToken;
        await rogue.DialAsync(a.Address, ct);
        await using var stream = await rogue.OpenStreamAsync(a.Host.PeerId, [GossipsubProtocolIds.MeshsubV11], ct);

        // A length prefix, then a field with the deprecated group wire type.
        await stream.WriteAsync(new byte[] { 0x03, 0x0b, 0x00, 0x00 }, ct);
        for (var i = 0; i < 400 && rogue.ConnectedPeers.Count > 0; i++)
        {
            await Task.Delay(25, ct);
        }

        Assert.Empty(rogue.ConnectedPeers);
        Assert.Empty(a.Gossip.Router.TopicPeers(Topic));
    }

    /// <summary>A libp2p host on 127.0.0.1 running Ethereum-style gossipsub on <see cref="Topic"/>.</summary>
    private sealed class TcpNode : IAsyncDisposable
    {
        private readonly Channel<GossipMessageEventArgs> _inbox = Channel.CreateUnbounded<GossipMessageEventArgs>();

        private TcpNode(Libp2pHost host)
        {
            Host = host;
            Gossip = host.AddGossipsub(EthereumGossipOptions.WithTopicScoring(EthereumGossipOptions.Create(), Topic));
            Gossip.Router.SetValidator(Topic, EthereumGossipValidator.Create());
            Gossip.Router.MessageReceived += (_, m) => _inbox.Writer.TryWrite(m);
            Gossip.Router.Subscribe(Topic);
            Gossip.Start();
        }

        public Libp2pHost Host { get; }

        public GossipsubService Gossip { get; }

        public Multiaddr Address => Host.ListenAddresses[0].WithPeerId(Host.PeerId);

        public static async Task<TcpNode> StartAsync()
        {
            var host = new Libp2pHost(new Libp2pHostOptions
            {
                Identity = PrivateKey.GenerateEd25519(),
                ListenAddresses = [Multiaddr.Parse("/ip4/127.0.0.1/tcp/0")],
            });
            var node = new TcpNode(host);
            await host.StartAsync(TestContext.Current.CancellationToken);
            return node;
        }

        public static async Task WaitForMeshAsync(TcpNode x, TcpNode y)
        {
            var xId = x.Host.PeerId.ToString();
            var yId = y.Host.PeerId.ToString();
            for (var i = 0; i < 400; i++)
            {
                if (x.Gossip.Router.MeshPeers(Topic).Contains(yId) && y.Gossip.Router.MeshPeers(Topic).Contains(xId))
                {
                    return;
                }

                await Task.Delay(25, TestContext.Current.CancellationToken);
            }

            throw new TimeoutException($"{xId} and {yId} did not mesh");
        }

        public async Task<GossipMessageEventArgs> NextAsync()
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            cts.CancelAfter(TimeSpan.FromSeconds(15));
            return await _inbox.Reader.ReadAsync(cts.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await Gossip.DisposeAsync();
            await Host.DisposeAsync();
        }
    }
}
