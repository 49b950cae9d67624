using NativeDvt.Devnet;
using NativeDvt.Node.Libp2p.Devnet;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Ethereum;
using NativeDvt.Libp2p.Gossipsub;
using NativeDvt.Libp2p.Hosting;

namespace NativeDvt.Node.Libp2p.Tests.Devnet;

/// <summary>A plain gossipsub peer publishing garbage on the block topic is penalised; the nodes carry on.</summary>
[Trait("Category", "Devnet")]
[Collection(RealTimeDevnets.Name)]
public sealed class GarbageGossipTests
{
    [Fact]
    public async Task GarbagePeer_PublishesBadSnappyAndBadSsz_IsRejectedAndNodesCarryOn()
    {
        var events = new RecordingEvents();
        await using var devnet = Libp2pDevnet.Create(DevnetFileReader.Parse(OneGroup.Yaml), new Libp2pDevnetOptions { Events = events, GenesisDelay = TimeSpan.FromSeconds(2) });
        await devnet.StartAsync();
        await using var host = new Libp2pHost(new Libp2pHostOptions { ListenAddresses = [Multiaddr.Parse("/ip4/127.0.0.1/tcp/0")] });
        await using var gossip = host.AddGossipsub(EthereumGossipOptions.Create());
        await host.StartAsync();
        gossip.Start();
        var topic = devnet.Topics.BeaconBlock;
        gossip.Router.Subscribe(topic);
        var victims = devnet.Nodes.Take(2).ToList();
        foreach (var victim in victims)
        {
            await host.DialAsync(victim.Address).WaitAsync(OneGroup.Wait);
        }

        await OneGroup.UntilAsync(() => Task.FromResult(gossip.Router.TopicPeers(topic).Count == victims.Count), "the victims' subscriptions");
        await OneGroup.UntilAsync(() => Task.FromResult(events.Imported.Count(i => i.Slot.Value >= 1) >= devnet.Nodes.Count), "the first block everywhere");

        gossip.Router.Publish(topic, [0xff, 0x00, 0x01, 0x02]);
        gossip.Router.Publish(topic, SszSnappy.Compress([.. Enumerable.Repeat((byte)0xff, 100)]));
        var garbageSlot = (ulong)(devnet.SinceGenesis / devnet.SlotDuration);

        var me = host.PeerId.ToString();
        await OneGroup.UntilAsync(() => Task.FromResult(victims.All(v => v.Gossip.Router.GetScore(me) < 0)), "the garbage peer's score to drop at both victims");
        await OneGroup.UntilAsync(
            () => Task.FromResult(devnet.Nodes.All(n => events.Imported.Any(i => i.Node == n.Node.Identity && i.Slot.Value > garbageSlot))),
            "a block after the garbage on every node");

        Assert.All(victims, v => Assert.Equal(1, v.Network.Topics[topic].Rejected));
        Assert.All(devnet.Nodes.Skip(victims.Count), n => Assert.Equal(0, n.Network.Topics[topic].Rejected));
        Assert.All(devnet.Nodes, n => Assert.Equal(0, n.Runner.Faults));
        Assert.Empty(events.Refusals);
    }
}
