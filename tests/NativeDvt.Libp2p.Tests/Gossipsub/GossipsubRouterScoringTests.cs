using NativeDvt.Libp2p.Gossipsub;

namespace NativeDvt.Libp2p.Tests.Gossipsub;

[Trait("Category", "Unit")]
public sealed class GossipsubRouterScoringTests
{
    private const string Topic = TestOptions.Topic;

    [Fact]
    public async Task Heartbeat_SilentMeshPeer_MeshDeliveryDeficitPrunesIt()
    {
        var options = WithMeshDeliveries(TestOptions.Create(1));
        var network = new InMemoryNetwork();
        var a = network.Add("a", options);
        network.Add("b", WithMeshDeliveries(TestOptions.Create(2)));
        network.Connect("a", "b");
        a.Router.Subscribe(Topic);
        await network.PumpAsync();
        network.Nodes["b"].Router.Subscribe(Topic);
        await network.PumpAsync();
        Assert.Contains("b", a.Router.MeshPeers(Topic));

        // b forwards nothing to a (a's own messages do not count as b's deliveries).
        network.Filter = (from, _, rpc) => !(from == "b" && rpc.Messages.Count > 0);
        await network.HeartbeatsAsync(5);

        Assert.True(a.Router.GetScore("b") < 0, $"score {a.Router.GetScore("b")}");
        Assert.DoesNotContain("b", a.Router.MeshPeers(Topic));
    }

    [Fact]
    public async Task Heartbeat_MeshPeerDeliveringMessages_KeepsPositiveScore()
    {
        var network = new InMemoryNetwork();
        var a = network.Add("a", WithMeshDeliveries(TestOptions.Create(1)));
        var b = network.Add("b", WithMeshDeliveries(TestOptions.Create(2)));
        network.Connect("a", "b");
        a.Router.Subscribe(Topic);
        await network.PumpAsync();
        b.Router.Subscribe(Topic);
        await network.PumpAsync();

        for (var i = 0; i < 5; i++)
        {
            // Both sides deliver, or each would prune the other for its deficit.
            b.Router.Publish(Topic, [(byte)i]);
            a.Router.Publish(Topic, [(byte)(100 + i)]);
            await network.HeartbeatsAsync(1);
        }

        Assert.True(a.Router.GetScore("b") > 0, $"score {a.Router.GetScore("b")}");
        Assert.Contains("b", a.Router.MeshPeers(Topic));
    }

    [Fact]
    public async Task Heartbeat_OversizedMeshWithFewOutbound_KeepsDOutOutboundPeers()
    {
        var network = new InMemoryNetwork();
        var hub = network.Add("hub", TestOptions.Create(5));
        hub.Router.Subscribe(Topic);
        for (var i = 0; i < 14; i++)
        {
            network.Add($"p{i}", TestOptions.Create(50 + i));
            if (i < 12)
            {
                network.Connect($"p{i}", "hub");
            }
            else
            {
                network.Connect("hub", $"p{i}");
            }

            await network.PumpAsync();
            network.Nodes[$"p{i}"].Router.Subscribe(Topic);
            await network.PumpAsync();
        }

        Assert.Equal(14, hub.Router.MeshPeers(Topic).Count);

        await network.HeartbeatsAsync(1);

        var mesh = hub.Router.MeshPeers(Topic);
        Assert.Equal(8, mesh.Count);
        Assert.Contains("p12", mesh);
        Assert.Contains("p13", mesh);
    }

    [Fact]
    public async Task Heartbeat_LowMedianMeshScore_OpportunisticallyGraftsBetterPeer()
    {
        var network = new InMemoryNetwork();
        var a = network.Add("a", TestOptions.Create(1) with { OpportunisticGraftTicks = 10 });
        a.Router.Subscribe(Topic);
        string[] names = ["p0", "p1", "p2", "p3", "p4", "p5", "q"];
        foreach (var (name, seed) in names.Select((n, i) => (n, 10 + i)))
        {
            network.Add(name, TestOptions.Create(seed));
            network.Connect(name, "a");
            await network.PumpAsync();
            if (name != "q")
            {
                network.Nodes[name].Router.Subscribe(Topic);
                await network.PumpAsync();
            }
        }

        // q is subscribed but never grafts a, so it can only enter a's mesh by a's own choice.
        network.Filter = (from, _, rpc) => !(from == "q" && rpc.Control is { Graft.Count: > 0 });
        network.Nodes["q"].Router.Subscribe(Topic);
        await network.PumpAsync();
        await network.HeartbeatsAsync(5);
        Assert.Equal(6, a.Router.MeshPeers(Topic).Count);
        Assert.DoesNotContain("q", a.Router.MeshPeers(Topic));

        for (var i = 0; i < 5; i++)
        {
            await a.Router.InjectAsync("q", new Rpc { Messages = [new PubsubMessage { Topic = Topic, Data = [(byte)i, 7] }] });
        }

        await network.HeartbeatsAsync(5);

        Assert.Contains("q", a.Router.MeshPeers(Topic));
    }

    [Fact]
    public async Task Prune_ToV10Peer_CarriesNoBackoff()
    {
        var network = new InMemoryNetwork();
        var a = network.Add("a", TestOptions.Create(1));
        network.Add("old", TestOptions.Create(2));
        network.Connect("a", "old", GossipsubProtocol.V10);
        a.Router.Subscribe(Topic);
        await network.PumpAsync();
        network.Nodes["old"].Router.Subscribe(Topic);
        await network.PumpAsync();
        network.Sent.Clear();

        a.Router.Unsubscribe(Topic);

        var prune = network.Sent.Single(s => s.From == "a" && s.Rpc.Control is { Prune.Count: > 0 }).Rpc.Control!.Prune[0];
        Assert.Null(prune.BackoffSeconds);
    }

    private static GossipsubOptions WithMeshDeliveries(GossipsubOptions options)
    {
        var topic = options.ScoreParams.Topics[Topic] with
        {
            MeshMessageDeliveriesWeight = -1,
            MeshMessageDeliveriesThreshold = 2,
            MeshMessageDeliveriesActivation = TimeSpan.FromSeconds(2),
            MeshMessageDeliveriesDecay = 0.9,
            MeshMessageDeliveriesWindow = TimeSpan.FromMilliseconds(10),
            TimeInMeshWeight = 0,
            MeshFailurePenaltyWeight = -1,
            FirstMessageDeliveriesWeight = 1,
        };
        return options with { ScoreParams = options.ScoreParams with { Topics = new Dictionary<string, TopicScoreParams> { [Topic] = topic } } };
    }
}
