using NativeDvt.Devnet;
using NativeDvt.Node.Libp2p.Devnet;
namespace NativeDvt.Node.Libp2p.Tests.Devnet;

/// <summary>A node that joins late fetches the blocks it missed with BeaconBlocksByRoot and follows the chain.</summary>
[Trait("Category", "Devnet")]
[Collection(RealTimeDevnets.Name)]
public sealed class LateJoinerTests
{
    [Fact]
    public async Task LateNode_MissedBlocks_FetchesThemByRootAndJoinsTheHead()
    {
        var events = new RecordingEvents();
        await using var devnet = Libp2pDevnet.Create(DevnetFileReader.Parse(OneGroup.Yaml), new Libp2pDevnetOptions { Events = events, GenesisDelay = TimeSpan.FromSeconds(2) });
        await devnet.StartAsync(startNow: i => i != 3);
        var late = devnet.Nodes[3];
        // Joins after a block of slot 5 or later: the first blocks are then older than gossipsub's IHAVE window
        // (3 heartbeats of 0.7 s), so only BeaconBlocksByRoot can bring them. With 3 of 4 members up every one must
        // sign, so a slow machine may miss a slot: any later block will do.
        await OneGroup.UntilAsync(() => Task.FromResult(events.Imported.Where(i => i.Slot.Value >= 5).Select(i => i.Node).Distinct().Count() >= 3), "a block of slot 5 or later on the three running nodes");

        var joinedAt = devnet.SinceGenesis;
        var joinedSlot = events.Imported.Max(i => i.Slot);
        await devnet.StartNodeAsync(3);
        await OneGroup.UntilAsync(
            async () =>
            {
                var head = await devnet.Nodes[0].InvokeAsync(n => n.Head);
                return await late.InvokeAsync(n => n.FindBlock(head) is not null && n.HeadBlock.Slot > joinedSlot);
            },
            "the late node to hold the others' head");

        // Every block the first node imported before the late node joined is now in the late node's view too.
        var imported = events.Imported;
        var missed = imported.Where(i => i.Node == devnet.Nodes[0].Node.Identity && i.At < joinedAt).Select(i => i.Root).ToList();
        var caughtUp = imported.Where(i => i.Node == late.Node.Identity).Select(i => i.Root).ToHashSet();
        Assert.NotEmpty(missed);
        Assert.All(missed, root => Assert.Contains(root, caughtUp));
        Assert.True(late.Network.BlocksFetched >= 1, "no block fetched by root");
        Assert.All(devnet.Nodes, n => Assert.Equal(0, n.Runner.Faults));
    }
}
