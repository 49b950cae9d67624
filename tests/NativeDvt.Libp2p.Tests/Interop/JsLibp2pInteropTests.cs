using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Hosting;
using NativeDvt.Libp2p.Tests.Hosting;

namespace NativeDvt.Libp2p.Tests.Interop;

[Trait("Category", "Interop")]
public sealed class JsLibp2pInteropTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("ed25519")]
    [InlineData("secp256k1")]
    public async Task CSharpDialsJs_PingAndIdentifyBothWays(string keyType)
    {
        await using var js = await JsPeer.StartAsync();
        var key = keyType == "ed25519" ? PrivateKey.GenerateEd25519() : PrivateKey.GenerateSecp256k1();
        await using var host = await HostTests.StartHostAsync(o => o with { AgentVersion = "nativedvt-interop/1" }, key);

        var connection = await host.DialAsync(js.Address).WaitAsync(Timeout);
        Assert.Equal(js.PeerId, connection.RemotePeer);
        await AssertPingAndIdentifyAsync(host, js, connection);
    }

    [Fact]
    public async Task JsDialsCSharp_PingAndIdentifyBothWays()
    {
        await using var js = await JsPeer.StartAsync();
        await using var host = await HostTests.StartHostAsync(o => o with { AgentVersion = "nativedvt-interop/1" });
        var connected = new TaskCompletionSource<Libp2pConnection>();
        host.PeerConnected += (_, e) => connected.TrySetResult(e.Connection);

        var dialed = await js.CommandAsync("dial", new { addr = HostTests.AddressOf(host).ToString() });
        Assert.Equal(host.PeerId.ToString(), dialed.GetProperty("peer").GetString());
        var connection = await connected.Task.WaitAsync(Timeout);
        Assert.Equal(ConnectionDirection.Inbound, connection.Direction);
        await AssertPingAndIdentifyAsync(host, js, connection);
    }

    [Fact]
    public async Task Streams_OneMegabyteEchoedBothWays_FlowControlInteroperates()
    {
        await using var js = await JsPeer.StartAsync();
        await using var host = await HostTests.StartHostAsync();
        await host.DialAsync(js.Address).WaitAsync(Timeout);

        // Ours to theirs: we write, js echoes.
        var payload = System.Security.Cryptography.RandomNumberGenerator.GetBytes(1024 * 1024 + 3);
        await using (var stream = await host.OpenStreamAsync(js.PeerId, "/interop/echo/1.0.0"))
        {
            var reading = Task.Run(async () =>
            {
                using var received = new MemoryStream();
                await stream.CopyToAsync(received);
                return received.ToArray();
            });
            await stream.WriteAsync(payload);
            await stream.CloseWriteAsync();
            var echoed = await reading.WaitAsync(Timeout);
            Assert.True(payload.AsSpan().SequenceEqual(echoed));
        }

        // Theirs to ours: js writes, our echo handler answers.
        var echo = await js.CommandAsync("echo", new { peer = host.PeerId.ToString(), protocol = HostTests.EchoProtocol, size = 1024 * 1024 + 5 });
        Assert.Equal(1024 * 1024 + 5, echo.GetProperty("received").GetInt32());
        Assert.True(echo.GetProperty("equal").GetBoolean());
    }

    private static async Task AssertPingAndIdentifyAsync(Libp2pHost host, JsPeer js, Libp2pConnection connection)
    {
        Assert.True(await host.PingAsync(js.PeerId).WaitAsync(Timeout) > TimeSpan.Zero);
        var jsPing = await js.CommandAsync("ping", new { peer = host.PeerId.ToString() });
        Assert.True(jsPing.GetProperty("rtt").GetDouble() >= 0);

        var aboutJs = await host.IdentifyAsync(js.PeerId).WaitAsync(Timeout);
        Assert.Equal("js-libp2p-interop/1.0.0", aboutJs.AgentVersion);
        Assert.Contains("/ipfs/ping/1.0.0", aboutJs.Protocols);
        Assert.Contains("/ipfs/id/1.0.0", aboutJs.Protocols);
        Assert.Contains(js.Address.WithoutPeerId(), aboutJs.ListenAddresses);
        // js-libp2p reports the observed address with our /p2p/ id appended.
        Assert.Equal(connection.LocalAddress, aboutJs.ObservedAddress?.WithoutPeerId());
        Assert.Contains(aboutJs.ObservedAddress!.GetPeerId(), new[] { null, host.PeerId });

        var aboutUs = await js.CommandAsync("identify", new { peer = host.PeerId.ToString() });
        Assert.Equal("nativedvt-interop/1", aboutUs.GetProperty("agentVersion").GetString());
        Assert.Equal("ipfs/0.1.0", aboutUs.GetProperty("protocolVersion").GetString());
        Assert.Equal(Convert.ToHexStringLower(host.PublicKey.ToProtobuf()), aboutUs.GetProperty("publicKey").GetString());
        var protocols = aboutUs.GetProperty("protocols").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("/ipfs/ping/1.0.0", protocols);
        Assert.Contains("/ipfs/id/1.0.0", protocols);
        var listen = aboutUs.GetProperty("listenAddrs").EnumerateArray().Select(a => Multiaddr.Parse(a.GetString()!)).ToList();
        Assert.Contains(host.ListenAddresses[0], listen);
        Assert.Equal(connection.RemoteAddress, Multiaddr.Parse(aboutUs.GetProperty("observedAddr").GetString()!));
    }
}
