using System.Security.Cryptography;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Hosting;
using NativeDvt.Libp2p.Noise;

namespace NativeDvt.Libp2p.Tests.Hosting;

[Trait("Category", "Loopback")]
public sealed class HostTests
{
    internal const string EchoProtocol = "/test/echo/1.0.0";

    internal static async Task<Libp2pHost> StartHostAsync(Func<Libp2pHostOptions, Libp2pHostOptions>? configure = null, PrivateKey? key = null)
    {
        var options = new Libp2pHostOptions { Identity = key, ListenAddresses = [Multiaddr.Parse("/ip4/127.0.0.1/tcp/0")] };
        var host = new Libp2pHost(configure is null ? options : configure(options));
        host.SetHandler(EchoProtocol, async context =>
        {
            await context.Stream.CopyToAsync(context.Stream, context.CancellationToken);
            await context.Stream.CloseWriteAsync(context.CancellationToken);
        });
        await host.StartAsync();
        return host;
    }

    internal static Multiaddr AddressOf(Libp2pHost host) => host.ListenAddresses[0].WithPeerId(host.PeerId);

    [Fact]
    public async Task Dial_TwoHosts_PingAndIdentifyBothWays()
    {
        await using var a = await StartHostAsync(o => o with { AgentVersion = "a/1" });
        await using var b = await StartHostAsync(o => o with { AgentVersion = "b/1" }, PrivateKey.GenerateSecp256k1());
        var connected = new TaskCompletionSource<PeerId>();
        b.PeerConnected += (_, e) => connected.TrySetResult(e.Peer);

        var connection = await a.DialAsync(AddressOf(b));
        Assert.Equal(b.PeerId, connection.RemotePeer);
        Assert.Equal(a.PeerId, await connected.Task.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.True(await a.PingAsync(b.PeerId) > TimeSpan.Zero);
        Assert.True(await b.PingAsync(a.PeerId) > TimeSpan.Zero);
        var aboutB = await a.IdentifyAsync(b.PeerId).WaitAsync(TimeSpan.FromSeconds(10));
        var aboutA = await b.IdentifyAsync(a.PeerId).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("b/1", aboutB.AgentVersion);
        Assert.Equal("a/1", aboutA.AgentVersion);
        Assert.Contains(EchoProtocol, aboutB.Protocols);
        Assert.Equal(b.ListenAddresses, aboutB.ListenAddresses);
        Assert.Equal(connection.LocalAddress, aboutB.ObservedAddress);
        Assert.Equal(b.PublicKey.ToProtobuf(), aboutB.PublicKey);
    }

    [Fact]
    public async Task Stream_TwoMegabytesEachWay_EchoedIntactWithHalfClose()
    {
        await using var a = await StartHostAsync();
        await using var b = await StartHostAsync();
        await a.DialAsync(AddressOf(b));
        var payload = RandomNumberGenerator.GetBytes(2 * 1024 * 1024 + 17);
        await using var stream = await a.OpenStreamAsync(b.PeerId, EchoProtocol);
        Assert.Equal(EchoProtocol, stream.Protocol);
        var reading = Task.Run(async () =>
        {
            using var received = new MemoryStream();
            await stream.CopyToAsync(received);
            return received.ToArray();
        });
        await stream.WriteAsync(payload);
        await stream.CloseWriteAsync();
        var echoed = await reading.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(payload.Length, echoed.Length);
        Assert.True(payload.AsSpan().SequenceEqual(echoed));
    }

    [Fact]
    public async Task OpenStream_UnsupportedProtocol_Throws()
    {
        await using var a = await StartHostAsync();
        await using var b = await StartHostAsync();
        await a.DialAsync(AddressOf(b));
        await Assert.ThrowsAsync<NativeDvt.Libp2p.MultistreamSelect.MultistreamException>(() => a.OpenStreamAsync(b.PeerId, "/nope/1.0.0"));
        var stream = await a.OpenStreamAsync(b.PeerId, "/nope/1.0.0", EchoProtocol);
        Assert.Equal(EchoProtocol, stream.Protocol);
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task Dial_WrongPeerIdInAddress_FailsHandshake()
    {
        await using var a = await StartHostAsync();
        await using var b = await StartHostAsync();
        var impostor = b.ListenAddresses[0].WithPeerId(PrivateKey.GenerateEd25519().PeerId);
        await Assert.ThrowsAsync<NoiseException>(() => a.DialAsync(impostor));
        Assert.Empty(a.ConnectedPeers);
    }

    [Fact]
    public async Task Disconnect_RaisesPeerDisconnectedOnBothSides()
    {
        await using var a = await StartHostAsync();
        await using var b = await StartHostAsync();
        var aLost = new TaskCompletionSource<PeerId>();
        var bLost = new TaskCompletionSource<PeerId>();
        a.PeerDisconnected += (_, e) => aLost.TrySetResult(e.Peer);
        b.PeerDisconnected += (_, e) => bLost.TrySetResult(e.Peer);
        await a.DialAsync(AddressOf(b));
        await a.DisconnectAsync(b.PeerId);
        Assert.Equal(b.PeerId, await aLost.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(a.PeerId, await bLost.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Empty(a.ConnectedPeers);
    }

    [Fact]
    public async Task Dial_SamePeerTwice_ReusesConnection()
    {
        await using var a = await StartHostAsync();
        await using var b = await StartHostAsync();
        var first = await a.DialAsync(AddressOf(b));
        var second = await a.DialAsync(AddressOf(b));
        Assert.Same(first, second);
    }

    [Fact]
    public async Task MaxConnections_Reached_FurtherDialsRefused()
    {
        await using var a = await StartHostAsync(o => o with { MaxConnections = 1 });
        await using var b = await StartHostAsync();
        await using var c = await StartHostAsync();
        await a.DialAsync(AddressOf(b));
        await Assert.ThrowsAsync<ConnectionLimitException>(() => a.DialAsync(AddressOf(c)));
    }

    [Fact]
    public async Task MaxConnections_InboundOverLimit_Closed()
    {
        await using var server = await StartHostAsync(o => o with { MaxConnections = 1 });
        await using var b = await StartHostAsync();
        await using var c = await StartHostAsync();
        var registered = new TaskCompletionSource<PeerId>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.PeerConnected += (_, e) => registered.TrySetResult(e.Peer);
        await b.DialAsync(AddressOf(server));

        // The dialer finishes its handshake before the listener registers the connection: wait for the listener.
        Assert.Equal(b.PeerId, await registered.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAnyAsync<IOException>(() => c.DialAsync(AddressOf(server)));
        Assert.Single(server.ConnectedPeers);
    }

    [Fact]
    public async Task MaxStreamsPerConnection_ExcessStreamsReset()
    {
        var release = new TaskCompletionSource();
        await using var server = await StartHostAsync(o => o with { MaxStreamsPerConnection = 2 });
        server.SetHandler("/test/hold/1.0.0", async _ => await release.Task);
        await using var client = await StartHostAsync();
        await client.DialAsync(AddressOf(server));
        // Identify may hold one inbound slot briefly; wait until it is done.
        await client.IdentifyAsync(server.PeerId).WaitAsync(TimeSpan.FromSeconds(10));
        await server.IdentifyAsync(client.PeerId).WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        var held = new List<Stream>
        {
            await client.OpenStreamAsync(server.PeerId, "/test/hold/1.0.0"),
            await client.OpenStreamAsync(server.PeerId, "/test/hold/1.0.0"),
        };
        await Assert.ThrowsAnyAsync<IOException>(() => client.OpenStreamAsync(server.PeerId, "/test/hold/1.0.0"));
        release.SetResult();
        foreach (var stream in held)
        {
            await stream.DisposeAsync();
        }
    }

    [Fact]
    public async Task SilentInboundConnection_ClosedAtHandshakeTimeoutAndSlotReleased()
    {
        await using var server = await StartHostAsync(o => o with { MaxConnections = 1, HandshakeTimeout = TimeSpan.FromSeconds(2) });
        await using var silent = await NativeDvt.Libp2p.Tests.Fuzz.RawPeer.ConnectAsync(server.ListenAddresses[0]);
        Assert.True(await silent.AwaitCloseAsync(TimeSpan.FromSeconds(10)));

        await using var good = await StartHostAsync();
        await DialOnceSlotIsFreeAsync(good, AddressOf(server));
        Assert.True(await good.PingAsync(server.PeerId) > TimeSpan.Zero);
    }

    [Fact]
    public async Task Dial_PeerThatNeverAnswers_TimesOut()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        await using var host = await StartHostAsync(o => o with { HandshakeTimeout = TimeSpan.FromMilliseconds(300) });
        var address = Multiaddr.FromTcp((System.Net.IPEndPoint)silent.LocalEndpoint);
        await Assert.ThrowsAsync<TimeoutException>(() => host.DialAsync(address));
    }

    // The server closes a timed-out socket a moment before it releases that socket's slot: a dial in between is refused.
    // Retried for at most a second, so a slot that is never released still fails the test.
    private static async Task DialOnceSlotIsFreeAsync(Libp2pHost host, Multiaddr address)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await host.DialAsync(address);
                return;
            }
            catch (Exception) when (attempt < 10)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
    }
}
