using NativeDvt.Libp2p.Ethereum;

namespace NativeDvt.Libp2p.Tests.Gossipsub.Interop;

/// <summary>`ndvt p2p peer` end to end: two processes on loopback gossip hex lines and exit cleanly on EOF.</summary>
[Trait("Category", "Loopback")]
public sealed class NdvtPeerCommandTests
{
    private static readonly string Topic = EthereumGossipTopic.Format([9, 9, 9, 9], "cli");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Peer_TwoInstances_GossipBothWaysAndExitOnEof(bool raw)
    {
        await using var first = await LinePeer.StartNdvtAsync(Topic, raw);
        await using var second = await LinePeer.StartNdvtAsync(Topic, raw, first.Address);
        Assert.Matches("^/ip4/127.0.0.1/tcp/[0-9]+/p2p/12D3KooW[1-9A-HJ-NP-Za-km-z]+$", first.Address);
        await first.WaitForMeshPeerAsync(second.PeerId, TimeSpan.FromSeconds(20));
        await second.WaitForMeshPeerAsync(first.PeerId, TimeSpan.FromSeconds(20));

        await first.SendLineAsync("c0ffee");
        var atSecond = await second.NextMessageAsync(TimeSpan.FromSeconds(20));
        await second.SendLineAsync("0102030405");
        var atFirst = await first.NextMessageAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("c0ffee", atSecond.GetProperty("data").GetString());
        Assert.Equal(first.PeerId, atSecond.GetProperty("from").GetString());
        Assert.Equal(Topic, atSecond.GetProperty("topic").GetString());
        Assert.Equal("0102030405", atFirst.GetProperty("data").GetString());
        Assert.Equal(0, await second.CloseAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(0, await first.CloseAsync(TimeSpan.FromSeconds(20)));
    }

    [Theory]
    [InlineData("/ip4/127.0.0.1/tcp/0", "/ip4/127.0.0.1/tcpx/1", 2)]
    [InlineData("ip4/127.0.0.1/tcp/0", null, 2)]
    [InlineData("/ip4/127.0.0.1/tcp/0", "/ip4/127.0.0.1/tcp/1/p2p/12D3KooWLxzrpjiNygV7WLhVwRpteHp8x3jKADVrvcG1JkBziQCG", 1)]
    public async Task Peer_BadAddress_ExitsWithAClearError(string listen, string? dial, int exitCode)
    {
        var error = new StringWriter();
        var settings = new NativeDvt.Cli.P2p.GossipPeerSettings(listen, Topic, dial is null ? [] : [dial], Raw: false);

        var code = await NativeDvt.Cli.P2p.GossipPeer.RunAsync(settings, new StringReader(string.Empty), new StringWriter(), error, TestContext.Current.CancellationToken);

        Assert.Equal(exitCode, code);
        Assert.StartsWith("ndvt p2p peer: ", error.ToString(), StringComparison.Ordinal);
    }
}
