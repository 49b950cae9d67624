using NativeDvt.Libp2p.Gossipsub;

namespace NativeDvt.Libp2p.Tests.Gossipsub;

[Trait("Category", "Unit")]
public sealed class GossipsubRouterMessageTests
{
    private const string Topic = TestOptions.Topic;

    [Fact]
    public async Task Publish_Triangle_EachPeerDeliversOnceDespiteDuplicates()
    {
        var network = await TriangleAsync();

        network.Nodes["a"].Router.Publish(Topic, [42]);
        await network.PumpAsync();

        Assert.Single(network.Nodes["b"].Received);
        Assert.Single(network.Nodes["c"].Received);
        Assert.Empty(network.Nodes["a"].Received);
        Assert.Equal("a", network.Nodes["b"].Received[0].PropagationSource);
        Assert.Equal([42], network.Nodes["c"].Received[0].Data);
        var duplicates = network.Sent.Count(s => s.Rpc.Messages.Count > 0);
        Assert.True(duplicates > 2, "b and c forward to each other; the seen cache must drop the copies");
    }

    [Fact]
    public async Task HandleRpc_SameMessageAfterSeenTtl_DeliveredAgain()
    {
        var network = await TriangleAsync();
        var a = network.Nodes["a"];
        var message = new PubsubMessage { Topic = Topic, Data = [3, 1, 4] };
        await a.Router.InjectAsync("b", new Rpc { Messages = [message] });
        await a.Router.InjectAsync("c", new Rpc { Messages = [message] });
        Assert.Single(a.Received);

        network.Filter = (_, _, _) => false;
        await network.HeartbeatsAsync(180);
        await a.Router.InjectAsync("c", new Rpc { Messages = [message] });

        Assert.Equal(2, a.Received.Count);
    }

    [Fact]
    public async Task Publish_SameDataTwice_Throws()
    {
        var network = await TriangleAsync();
        network.Nodes["a"].Router.Publish(Topic, [1]);

        Assert.Throws<GossipsubException>(() => network.Nodes["a"].Router.Publish(Topic, [1]));
    }

    [Fact]
    public async Task HandleRpc_MessageWithSignatureFields_RejectedAndPenalised()
    {
        var network = await TriangleAsync();
        var a = network.Nodes["a"];
        var signed = new PubsubMessage { Topic = Topic, Data = [7], From = [1, 2], Seqno = [0, 0, 0, 1], Signature = [9], Key = [3] };

        await a.Router.InjectAsync("b", new Rpc { Messages = [signed] });

        Assert.Empty(a.Received);
        Assert.True(a.Router.GetScore("b") < 0, $"score {a.Router.GetScore("b")}");
        await a.Router.InjectAsync("c", new Rpc { Messages = [signed with { From = null, Seqno = null, Signature = null, Key = null }] });
        Assert.Single(a.Received);
    }

    [Fact]
    public async Task Validator_Rejects_SenderScoreDropsUntilGraylisted()
    {
        var network = await TriangleAsync();
        var a = network.Nodes["a"];
        var verdict = ValidationResult.Reject;
        a.Router.SetValidator(Topic, async (_, _, _) =>
        {
            await Task.Yield();
            return verdict;
        });

        var previous = a.Router.GetScore("b");
        for (var i = 0; i < 3; i++)
        {
            await a.Router.InjectAsync("b", new Rpc { Messages = [new PubsubMessage { Topic = Topic, Data = [(byte)i] }] });
            var score = a.Router.GetScore("b");
            Assert.True(score < previous, $"message {i}: score {score} not below {previous}");
            previous = score;
        }

        Assert.True(a.Router.IsGraylistedPeer("b"));
        Assert.Empty(a.Received);

        verdict = ValidationResult.Accept;
        await a.Router.InjectAsync("b", new Rpc { Messages = [new PubsubMessage { Topic = Topic, Data = [99] }] });
        Assert.Empty(a.Received);
        await a.Router.InjectAsync("c", new Rpc { Messages = [new PubsubMessage { Topic = Topic, Data = [99] }] });
        Assert.Single(a.Received);
    }

    [Fact]
    public async Task Validator_Ignore_DropsWithoutPenalty()
    {
        var network = await TriangleAsync();
        var a = network.Nodes["a"];
        a.Router.SetValidator(Topic, (_, _, _) => ValueTask.FromResult(ValidationResult.Ignore));

        await a.Router.InjectAsync("b", new Rpc { Messages = [new PubsubMessage { Topic = Topic, Data = [5] }] });

        Assert.Empty(a.Received);
        Assert.True(a.Router.GetScore("b") >= 0);
        Assert.DoesNotContain(network.Sent, s => s.From == "a" && s.Rpc.Messages.Count > 0);
    }

    [Fact]
    public async Task Validator_Score_DecaysBackAfterInvalidMessages()
    {
        var network = await TriangleAsync();
        var a = network.Nodes["a"];
        a.Router.SetValidator(Topic, (_, _, _) => ValueTask.FromResult(ValidationResult.Reject));
        await a.Router.InjectAsync("b", new Rpc { Messages = [new PubsubMessage { Topic = Topic, Data = [5] }] });
        var penalised = a.Router.GetScore("b");

        await network.HeartbeatsAsync(60);

        Assert.True(a.Router.GetScore("b") > penalised);
    }

    [Fact]
    public async Task IHaveIWant_MessageMissedByPeerOutsideMesh_IsRepairedByGossip()
    {
        var network = new InMemoryNetwork();
        var a = network.Add("a", TestOptions.Create(1, floodPublish: false));
        var b = network.Add("b", TestOptions.Create(2, floodPublish: false));
        network.Connect("a", "b");
        a.Router.Subscribe(Topic);
        await network.PumpAsync();
        b.Router.Subscribe(Topic);
        await network.PumpAsync();
        Assert.Contains("b", a.Router.MeshPeers(Topic));

        // b leaves and rejoins: both sides back off, so neither is in the other's mesh for a while.
        b.Router.Unsubscribe(Topic);
        b.Router.Subscribe(Topic);
        await network.PumpAsync();
        Assert.Empty(a.Router.MeshPeers(Topic));
        Assert.Empty(b.Router.MeshPeers(Topic));

        a.Router.Publish(Topic, [1, 2, 3]);
        await network.PumpAsync();
        Assert.Empty(b.Received);

        await network.HeartbeatsAsync(1);

        Assert.Contains(network.Sent, s => s.From == "a" && s.Rpc.Control is { IHave.Count: > 0 });
        Assert.Contains(network.Sent, s => s.From == "b" && s.Rpc.Control is { IWant.Count: > 0 });
        Assert.Equal([1, 2, 3], Assert.Single(b.Received).Data);
    }

    [Fact]
    public async Task IHave_AdvertisedMessageNeverDelivered_BrokenPromisePenalised()
    {
        var network = await TriangleAsync();
        var a = network.Nodes["a"];
        network.Filter = (_, to, _) => to != "b";
        var before = a.Router.GetScore("b");

        await a.Router.InjectAsync("b", new Rpc { Control = new ControlMessage { IHave = [new ControlIHave(Topic, [[1, 2, 3, 4]])] } });
        Assert.Contains(network.Sent, s => s.From == "a" && s.To == "b" && s.Rpc.Control is { IWant.Count: 1 });
        await network.HeartbeatsAsync(6);

        Assert.True(a.Router.GetScore("b") < before - 1, $"score {a.Router.GetScore("b")}");
    }

    [Fact]
    public async Task IWant_SameMessageRequestedRepeatedly_ServedAtMostRetransmissionLimit()
    {
        var network = await TriangleAsync();
        var a = network.Nodes["a"];
        a.Router.Publish(Topic, [8]);
        var id = a.Router.Options.MessageIdFunction(new PubsubMessage { Topic = Topic, Data = [8] });
        network.Sent.Clear();

        for (var i = 0; i < 5; i++)
        {
            await a.Router.InjectAsync("b", new Rpc { Control = new ControlMessage { IWant = [new ControlIWant([id])] } });
        }

        Assert.Equal(3, network.Sent.Count(s => s.From == "a" && s.To == "b" && s.Rpc.Messages.Count == 1));
    }

    [Fact]
    public async Task RemovePeer_InMesh_LeavesMeshAndTopic()
    {
        var network = await TriangleAsync();
        var a = network.Nodes["a"];

        a.Router.RemovePeer("b");

        Assert.DoesNotContain("b", a.Router.MeshPeers(Topic));
        Assert.DoesNotContain("b", a.Router.TopicPeers(Topic));
    }

    [Fact]
    public async Task RemovePeer_GraftedWithoutSubscribing_LeavesMeshAndHeartbeatStillRuns()
    {
        var network = await TriangleAsync();
        var a = network.Nodes["a"];
        network.Add("x", TestOptions.Create(9));
        network.Connect("x", "a");
        await a.Router.InjectAsync("x", new Rpc { Control = new ControlMessage { Graft = [new ControlGraft(Topic)] } });
        Assert.Contains("x", a.Router.MeshPeers(Topic));

        a.Router.RemovePeer("x");
        await network.HeartbeatsAsync(2);

        Assert.DoesNotContain("x", a.Router.MeshPeers(Topic));
    }

    [Fact]
    public async Task HandleRpc_PeerAnnouncingTooManyTopics_ExtraSubscriptionsIgnored()
    {
        var network = new InMemoryNetwork();
        var a = network.Add("a", TestOptions.Create(1) with { MaxSubscriptionsPerPeer = 3 });
        network.Add("b", TestOptions.Create(2));
        network.Connect("b", "a");

        await a.Router.InjectAsync("b", new Rpc { Subscriptions = [.. Enumerable.Range(0, 5).Select(i => new SubOpts(true, $"topic{i}"))] });

        Assert.Equal(3, Enumerable.Range(0, 5).Count(i => a.Router.TopicPeers($"topic{i}").Contains("b")));
    }

    private static async Task<InMemoryNetwork> TriangleAsync()
    {
        var network = new InMemoryNetwork();
        foreach (var (name, seed) in new[] { ("a", 1), ("b", 2), ("c", 3) })
        {
            network.Add(name, TestOptions.Create(seed));
        }

        network.Connect("a", "b");
        network.Connect("b", "c");
        network.Connect("c", "a");
        foreach (var node in network.Nodes.Values)
        {
            node.Router.Subscribe(Topic);
        }

        await network.PumpAsync();
        await network.HeartbeatsAsync(1);
        return network;
    }
}
