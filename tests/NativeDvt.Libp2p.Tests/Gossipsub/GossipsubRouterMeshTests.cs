using NativeDvt.Libp2p.Gossipsub;

namespace NativeDvt.Libp2p.Tests.Gossipsub;

[Trait("Category", "Unit")]
public sealed class GossipsubRouterMeshTests
{
    private const string Topic = TestOptions.Topic;

    [Fact]
    public async Task Heartbeat_RandomDenseNetwork_MeshSizesConvergeBetweenDLoAndDHi()
    {
        var network = new InMemoryNetwork();
        var random = new Random(7);
        for (var i = 0; i < 30; i++)
        {
            network.Add($"n{i}", TestOptions.Create(i));
        }

        for (var i = 0; i < 30; i++)
        {
            for (var j = i + 1; j < 30; j++)
            {
                if (random.NextDouble() < 0.6)
                {
                    network.Connect($"n{i}", $"n{j}");
                }
            }
        }

        foreach (var node in network.Nodes.Values)
        {
            node.Router.Subscribe(Topic);
        }

        await network.PumpAsync();
        await network.HeartbeatsAsync(10);

        foreach (var node in network.Nodes.Values)
        {
            var size = node.Router.MeshPeers(Topic).Count;
            Assert.InRange(size, 6, 12);
        }
    }

    [Fact]
    public async Task Heartbeat_HubWithTwentyGraftingLeaves_PrunesHubMeshToD()
    {
        var network = new InMemoryNetwork();
        var hub = network.Add("hub", TestOptions.Create(1));
        hub.Router.Subscribe(Topic);
        for (var i = 0; i < 20; i++)
        {
            network.Add($"leaf{i}", TestOptions.Create(100 + i));
            network.Connect("hub", $"leaf{i}");
        }

        await network.PumpAsync();
        foreach (var node in network.Nodes.Values.Where(n => n != hub))
        {
            node.Router.Subscribe(Topic);
        }

        await network.PumpAsync();
        Assert.Equal(20, hub.Router.MeshPeers(Topic).Count);

        await network.HeartbeatsAsync(1);

        Assert.Equal(8, hub.Router.MeshPeers(Topic).Count);
    }

    [Fact]
    public async Task HandleGraft_InboundPeersBeyondDHi_ArePruned()
    {
        var network = new InMemoryNetwork();
        var hub = network.Add("hub", TestOptions.Create(1));
        hub.Router.Subscribe(Topic);
        for (var i = 0; i < 20; i++)
        {
            network.Add($"leaf{i}", TestOptions.Create(100 + i));
            network.Connect($"leaf{i}", "hub");
            await network.PumpAsync();
            network.Nodes[$"leaf{i}"].Router.Subscribe(Topic);
        }

        await network.PumpAsync();

        Assert.Equal(12, hub.Router.MeshPeers(Topic).Count);
        Assert.Equal(12, network.Nodes.Values.Count(n => n.Router.MeshPeers(Topic).Contains("hub")));
    }

    [Fact]
    public async Task HandleGraft_DuringBackoff_PenalisesAndPrunes()
    {
        var network = new InMemoryNetwork();
        var a = network.Add("a", TestOptions.Create(1));
        network.Add("b", TestOptions.Create(2));
        network.Connect("a", "b");
        a.Router.Subscribe(Topic);
        await network.PumpAsync();
        network.Nodes["b"].Router.Subscribe(Topic);
        await network.PumpAsync();
        Assert.Contains("b", a.Router.MeshPeers(Topic));

        // Leaving and rejoining puts b under a's unsubscribe backoff.
        a.Router.Unsubscribe(Topic);
        a.Router.Subscribe(Topic);
        network.Filter = (_, _, _) => false;
        await network.PumpAsync();
        Assert.DoesNotContain("b", a.Router.MeshPeers(Topic));
        network.Sent.Clear();

        await a.Router.InjectAsync("b", new Rpc { Control = new ControlMessage { Graft = [new ControlGraft(Topic)] } });

        Assert.DoesNotContain("b", a.Router.MeshPeers(Topic));
        Assert.True(a.Router.GetScore("b") < 0, $"score {a.Router.GetScore("b")}");
        var reply = Assert.Single(network.Sent);
        Assert.Equal(Topic, Assert.Single(reply.Rpc.Control!.Prune).TopicId);
    }

    [Fact]
    public async Task Heartbeat_PeerPrunedUsWithBackoff_NotGraftedUntilBackoffExpires()
    {
        var network = new InMemoryNetwork();
        var a = network.Add("a", TestOptions.Create(1));
        network.Add("b", TestOptions.Create(2));
        network.Connect("a", "b");
        a.Router.Subscribe(Topic);
        await network.PumpAsync();
        network.Nodes["b"].Router.Subscribe(Topic);
        await network.PumpAsync();
        network.Filter = (_, to, _) => to == "a";

        await a.Router.InjectAsync("b", new Rpc { Control = new ControlMessage { Prune = [new ControlPrune(Topic, [], 60)] } });
        Assert.Empty(a.Router.MeshPeers(Topic));

        network.Sent.Clear();
        await network.HeartbeatsAsync(84);
        Assert.Empty(a.Router.MeshPeers(Topic));
        Assert.DoesNotContain(network.Sent, s => s.From == "a" && s.Rpc.Control is { Graft.Count: > 0 });

        await network.HeartbeatsAsync(2);
        Assert.Contains("b", a.Router.MeshPeers(Topic));
    }

    [Fact]
    public async Task Publish_NotSubscribed_UsesFanoutUntilTtlExpires()
    {
        var network = new InMemoryNetwork();
        var a = network.Add("a", TestOptions.Create(1, floodPublish: false));
        for (var i = 0; i < 3; i++)
        {
            network.Add($"s{i}", TestOptions.Create(10 + i));
            network.Connect("a", $"s{i}");
            network.Nodes[$"s{i}"].Router.Subscribe(Topic);
        }

        await network.PumpAsync();

        var sent = a.Router.Publish(Topic, [1, 2, 3]);
        await network.PumpAsync();

        Assert.Equal(3, sent);
        Assert.Equal(3, a.Router.FanoutPeers(Topic).Count);
        foreach (var i in Enumerable.Range(0, 3))
        {
            Assert.Single(network.Nodes[$"s{i}"].Received);
        }

        await network.HeartbeatsAsync(90);
        Assert.Empty(a.Router.FanoutPeers(Topic));
    }

    [Fact]
    public async Task Subscribe_AfterPublishingToFanout_BuildsMeshFromFanout()
    {
        var network = new InMemoryNetwork();
        var a = network.Add("a", TestOptions.Create(1, floodPublish: false));
        for (var i = 0; i < 3; i++)
        {
            network.Add($"s{i}", TestOptions.Create(10 + i));
            network.Connect("a", $"s{i}");
            network.Nodes[$"s{i}"].Router.Subscribe(Topic);
        }

        await network.PumpAsync();
        a.Router.Publish(Topic, [1]);
        a.Router.Subscribe(Topic);
        await network.PumpAsync();

        Assert.Empty(a.Router.FanoutPeers(Topic));
        Assert.Equal(3, a.Router.MeshPeers(Topic).Count);
        Assert.All(network.Nodes.Values.Where(n => n != a), n => Assert.Contains("a", n.Router.MeshPeers(Topic)));
    }
}
