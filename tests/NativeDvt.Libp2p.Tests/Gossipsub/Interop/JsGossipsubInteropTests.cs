using NativeDvt.Libp2p.Ethereum;

namespace NativeDvt.Libp2p.Tests.Gossipsub.Interop;

/// <summary>Gossip between our router and js-libp2p @chainsafe/libp2p-gossipsub 14.1.2 over TCP/Noise/Yamux on loopback.</summary>
[Trait("Category", "Interop")]
public sealed class JsGossipsubInteropTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly string Topic = EthereumGossipTopic.Format([0xca, 0xfe, 0x00, 0x01], "interop");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Gossip_CSharpAndJs_BothWays(bool raw)
    {
        await using var js = await LinePeer.StartJsAsync(Topic, raw);
        await using var cs = await LinePeer.StartInProcessAsync(Topic, raw, js.Address);
        await cs.WaitForMeshPeerAsync(js.PeerId, Wait);
        await js.WaitForMeshPeerAsync(cs.PeerId, Wait);

        // Compressible data makes our snappy emit copy elements the JS decoder must follow.
        var fromCs = Convert.ToHexStringLower([.. Enumerable.Repeat((byte)0xab, 300), 1, 2, 3]);
        await cs.SendLineAsync(fromCs);
        var atJs = await js.NextMessageAsync(Wait);
        await js.SendLineAsync("d00d");
        var atCs = await cs.NextMessageAsync(Wait);

        Assert.Equal(fromCs, atJs.GetProperty("data").GetString());
        Assert.Equal(cs.PeerId, atJs.GetProperty("from").GetString());
        Assert.Equal("d00d", atCs.GetProperty("data").GetString());
        Assert.Equal(js.PeerId, atCs.GetProperty("from").GetString());
    }

    [Fact]
    public async Task Gossip_SixNodeLineOfMixedNodes_CarriesMessagesEndToEnd()
    {
        var nodes = new List<LinePeer>();
        try
        {
            for (var i = 0; i < 6; i++)
            {
                string[] dial = i == 0 ? [] : [nodes[i - 1].Address];
                nodes.Add(i % 2 == 0 ? await LinePeer.StartInProcessAsync(Topic, false, dial) : await LinePeer.StartJsAsync(Topic, false, dial));
            }

            for (var i = 1; i < 6; i++)
            {
                await nodes[i].WaitForMeshPeerAsync(nodes[i - 1].PeerId, Wait);
                await nodes[i - 1].WaitForMeshPeerAsync(nodes[i].PeerId, Wait);
            }

            await nodes[0].SendLineAsync("0a11");
            for (var i = 1; i < 6; i++)
            {
                var message = await nodes[i].NextMessageAsync(Wait);
                Assert.Equal("0a11", message.GetProperty("data").GetString());
                Assert.Equal(nodes[i - 1].PeerId, message.GetProperty("from").GetString());
            }

            await nodes[5].SendLineAsync("0b22");
            for (var i = 4; i >= 0; i--)
            {
                var message = await nodes[i].NextMessageAsync(Wait);
                Assert.Equal("0b22", message.GetProperty("data").GetString());
            }
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
    public async Task Gossip_JsPublishesInvalidSnappy_PenalisedByCSharpScore()
    {
        await using var js = await LinePeer.StartJsAsync(Topic);
        await using var cs = await LinePeer.StartInProcessAsync(Topic, false, js.Address);
        await cs.WaitForMeshPeerAsync(js.PeerId, Wait);
        await js.WaitForMeshPeerAsync(cs.PeerId, Wait);
        var before = (await cs.CommandAsync(new { cmd = "score", peer = js.PeerId })).GetProperty("score").GetDouble();

        await js.CommandAsync(new { cmd = "publish-raw", data = "ff00ff00" });
        var score = before;
        for (var i = 0; i < 100 && score >= before - 5; i++)
        {
            await Task.Delay(50);
            score = (await cs.CommandAsync(new { cmd = "score", peer = js.PeerId })).GetProperty("score").GetDouble();
        }

        Assert.True(score <= before - 5, $"score {score} (before {before})");

        // The invalid message is not delivered, while valid ones still are.
        await js.SendLineAsync("600d");
        Assert.Equal("600d", (await cs.NextMessageAsync(Wait)).GetProperty("data").GetString());
    }

    [Fact]
    public async Task Gossip_JsPublishesThreeInvalidMessages_GraylistedAndIgnored()
    {
        await using var js = await LinePeer.StartJsAsync(Topic);
        await using var cs = await LinePeer.StartInProcessAsync(Topic, false, js.Address);
        await cs.WaitForMeshPeerAsync(js.PeerId, Wait);

        foreach (var garbage in new[] { "ff01", "ff02", "ff03" })
        {
            await js.CommandAsync(new { cmd = "publish-raw", data = garbage });
        }

        var score = 0.0;
        for (var i = 0; i < 100 && score > -80; i++)
        {
            await Task.Delay(50);
            score = (await cs.CommandAsync(new { cmd = "score", peer = js.PeerId })).GetProperty("score").GetDouble();
        }

        Assert.True(score < -80, $"score {score} is above the graylist threshold");
        await js.SendLineAsync("600d");
        await Assert.ThrowsAsync<TimeoutException>(() => cs.NextMessageAsync(TimeSpan.FromSeconds(3)));
    }
}
