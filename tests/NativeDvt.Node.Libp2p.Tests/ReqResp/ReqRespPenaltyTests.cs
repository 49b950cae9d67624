using System.Collections.Concurrent;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Ethereum;
using NativeDvt.Libp2p.Gossipsub;
using NativeDvt.Libp2p.Hosting;
using NativeDvt.Node.Hosting;
using NativeDvt.Node.Libp2p.ReqResp;
using NativeDvt.Node.Network;

namespace NativeDvt.Node.Libp2p.Tests.ReqResp;

/// <summary>A peer that answers BeaconBlocksByRoot with a block the node rejects loses gossipsub score (P5).</summary>
[Trait("Category", "Loopback")]
public sealed class ReqRespPenaltyTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public void Penalties_InvalidBlocks_AddUpAndDecay()
    {
        var time = new SteppedTime();
        var penalties = new ReqRespPenalties(time);

        penalties.InvalidBlock("a");
        penalties.InvalidBlock("a");
        var two = penalties.Score("a");
        time.Advance(TimeSpan.FromSeconds(69));

        Assert.Equal(-2 * ReqRespPenalties.PenaltyPerInvalidBlock, two, 6);
        Assert.Equal(-ReqRespPenalties.PenaltyPerInvalidBlock, penalties.Score("a"), 0);
        Assert.Equal(0, penalties.Score("b"));
    }

    [Fact]
    public async Task RequestBlock_PeerServesARejectedBlock_PeerScoreDropsAndBlockReachedTheNode()
    {
        var topics = new GossipTopics(new ForkVersion(1, 2, 3, 4), Root.Zero);
        var penalties = new ReqRespPenalties();
        await using var node = new Libp2pHost(new Libp2pHostOptions { ListenAddresses = [Multiaddr.Parse("/ip4/127.0.0.1/tcp/0")] });
        await using var nodeGossip = node.AddGossipsub(penalties.ApplyTo(EthereumGossipOptions.Create()));
        await using var liar = new Libp2pHost(new Libp2pHostOptions { ListenAddresses = [Multiaddr.Parse("/ip4/127.0.0.1/tcp/0")] });
        await using var liarGossip = liar.AddGossipsub(EthereumGossipOptions.Create());
        BeaconBlocksByRoot.Serve(liar, (_, _) => Task.FromResult<byte[]?>([0xde, 0xad]));
        await node.StartAsync();
        await liar.StartAsync();
        var inbox = new RejectingInbox();
        using var network = new Libp2pGossipNetwork(nodeGossip.Router, topics, inbox, node, penalties: penalties);
        await node.DialAsync(liar.ListenAddresses[0].WithPeerId(liar.PeerId)).WaitAsync(Wait);

        network.RequestBlock(Root.Zero);
        var liarId = liar.PeerId.ToString();
        var deadline = DateTimeOffset.UtcNow + Wait;
        while (nodeGossip.Router.GetScore(liarId) >= 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the liar's score never dropped");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.NotEmpty(inbox.Received);
        var (topic, block) = inbox.Received.First();
        Assert.Equal(topics.BeaconBlock, topic);
        Assert.Equal([0xde, 0xad], block);
        Assert.True(penalties.Score(liarId) < 0);
    }

    private sealed class RejectingInbox : IGossipInbox
    {
        public ConcurrentQueue<(string Topic, byte[] Ssz)> Received { get; } = new();

        public ValueTask<GossipVerdict> DeliverAsync(string topic, byte[] ssz, CancellationToken cancellationToken)
        {
            Received.Enqueue((topic, ssz));
            return ValueTask.FromResult(GossipVerdict.Reject);
        }
    }

    private sealed class SteppedTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
