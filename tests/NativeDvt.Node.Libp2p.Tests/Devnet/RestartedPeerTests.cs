using NativeDvt.Consensus.Primitives;
using NativeDvt.Devnet;
using NativeDvt.Devnet.Setup;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Node.Events;
using NativeDvt.Node.Libp2p.Devnet;

namespace NativeDvt.Node.Libp2p.Tests.Devnet;

/// <summary>
/// A member whose node dies and comes back with the same peer id and nothing but genesis (an identity grain's failover)
/// catches up by root, while the chain has not finalized past what it can fetch.
/// </summary>
/// <remarks>
/// Nodes drop blocks below their finalized checkpoint, so a node that comes back from genesis after finality can no
/// longer fetch its way back to genesis: that needs a checkpoint start (an anchor other than genesis), not built yet.
/// </remarks>
[Trait("Category", "Devnet")]
[Collection(RealTimeDevnets.Name)]
public sealed class RestartedPeerTests
{
    [Fact]
    public async Task RestartedNode_SamePeerIdFromGenesisBeforeFinality_FetchesTheChainByRootAndJoinsTheHead()
    {
        var events = new RecordingEvents();
        var spec = DevnetFileReader.Parse(OneGroup.Yaml);
        await using var devnet = Libp2pDevnet.Create(spec, new Libp2pDevnetOptions { Events = events, GenesisDelay = TimeSpan.FromSeconds(2) });
        await devnet.StartAsync(startNow: i => i != 3);
        var hostKey = PrivateKey.GenerateEd25519();
        var first = await StartMemberAsync(devnet, hostKey, events);
        await OneGroup.UntilAsync(async () => await first.InvokeAsync(n => n.HeadBlock.Slot.Value >= 10), "member 3's first node to reach slot 10");
        await first.DisposeAsync();

        await using var second = await StartMemberAsync(devnet, hostKey, events);
        await OneGroup.UntilAsync(
            async () =>
            {
                var head = await devnet.Nodes[0].InvokeAsync(n => n.Head);
                return await second.InvokeAsync(n => n.FindBlock(head) is not null && n.HeadBlock.Slot.Value >= 12);
            },
            "the restarted node to hold the others' head");
    }

    private static async Task<Libp2pDvtNode> StartMemberAsync(Libp2pDevnet devnet, PrivateKey hostKey, INodeEventSink events)
    {
        var (scheme, _) = DevnetSetup.Scheme(SchemeName.Bls);
        var node = Libp2pDvtNode.Create(new Libp2pDvtNodeOptions
        {
            GenesisTime = devnet.GenesisTime,
            HostKey = hostKey,
            Node = new NodeOptions
            {
                Identity = new MemberId(GroupIndex.Zero, 3),
                Genesis = devnet.Genesis,
                SlotDuration = devnet.SlotDuration,
                Scheme = scheme,
                SecretKey = DevnetSetup.SecretKey(scheme, 1, 0, 3),
                States = devnet.States,
                Events = events,
                WaitForSync = true,
            },
        });
        await node.StartAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < 3; i++)
        {
            await node.DialAsync(devnet.Nodes[i].Address, TestContext.Current.CancellationToken);
        }

        return node;
    }
}
