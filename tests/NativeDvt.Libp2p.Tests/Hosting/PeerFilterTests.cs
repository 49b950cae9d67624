using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Hosting;
using static NativeDvt.Libp2p.Tests.Hosting.HostTests;

namespace NativeDvt.Libp2p.Tests.Hosting;

/// <summary>The host's peer filter: the partition a devnet test puts between identities.</summary>
[Trait("Category", "Loopback")]
public sealed class PeerFilterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SetPeerFilter_ConnectedPeerRefused_ItsConnectionClosesOnBothSidesAndOthersStay()
    {
        await using var a = await StartHostAsync();
        await using var b = await StartHostAsync();
        await using var c = await StartHostAsync();
        await a.DialAsync(AddressOf(b));
        await a.DialAsync(AddressOf(c));
        var aLostC = new TaskCompletionSource<PeerId>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cLostA = new TaskCompletionSource<PeerId>(TaskCreationOptions.RunContinuationsAsynchronously);
        a.PeerDisconnected += (_, e) => aLostC.TrySetResult(e.Peer);
        c.PeerDisconnected += (_, e) => cLostA.TrySetResult(e.Peer);

        await a.SetPeerFilterAsync(peer => peer != c.PeerId);

        Assert.Equal(c.PeerId, await aLostC.Task.WaitAsync(Wait));
        Assert.Equal(a.PeerId, await cLostA.Task.WaitAsync(Wait));
        Assert.Equal([b.PeerId], a.ConnectedPeers);
        Assert.True(await a.PingAsync(b.PeerId).WaitAsync(Wait) > TimeSpan.Zero);
        Assert.False(a.Admits(c.PeerId));
    }

    [Fact]
    public async Task Dial_RefusedPeer_ThrowsAndNoConnectionForms()
    {
        await using var a = await StartHostAsync();
        await using var b = await StartHostAsync();
        await a.SetPeerFilterAsync(peer => peer != b.PeerId);

        await Assert.ThrowsAsync<PeerFilteredException>(() => a.DialAsync(AddressOf(b)));

        Assert.Empty(a.ConnectedPeers);
        Assert.Empty(b.ConnectedPeers);
    }

    [Fact]
    public async Task Inbound_FromRefusedPeer_ClosedAfterHandshakeWithoutPeerConnected()
    {
        await using var server = await StartHostAsync();
        await using var b = await StartHostAsync();
        var serverConnected = false;
        server.PeerConnected += (_, _) => serverConnected = true;
        await server.SetPeerFilterAsync(peer => peer != b.PeerId);

        // The dialer finishes its handshake before the listener learns who it is: its dial may succeed, then close.
        try
        {
            var connection = await b.DialAsync(AddressOf(server));
            await connection.Completion.WaitAsync(Wait);
        }
        catch (IOException)
        {
        }

        Assert.False(serverConnected);
        Assert.Empty(server.ConnectedPeers);
    }

    [Fact]
    public async Task SetPeerFilter_Null_RefusedPeerCanConnectAgain()
    {
        await using var a = await StartHostAsync();
        await using var b = await StartHostAsync();
        await a.SetPeerFilterAsync(_ => false);
        await Assert.ThrowsAsync<PeerFilteredException>(() => a.DialAsync(AddressOf(b)));

        await a.SetPeerFilterAsync(null);

        var connection = await a.DialAsync(AddressOf(b));
        Assert.Equal(b.PeerId, connection.RemotePeer);
        Assert.True(await a.PingAsync(b.PeerId).WaitAsync(Wait) > TimeSpan.Zero);
    }
}
