using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using NativeDvt.Libp2p.Yamux;

namespace NativeDvt.Libp2p.Tests.Yamux;

[Trait("Category", "Loopback")]
public sealed class YamuxSessionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static async Task<(NetworkStream Dialer, NetworkStream Listener)> SocketPairAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = new TcpClient();
        var accept = listener.AcceptTcpClientAsync();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        var server = await accept;
        return (client.GetStream(), server.GetStream());
    }

    private static async Task<(YamuxSession Dialer, YamuxSession Listener)> SessionPairAsync()
    {
        var (a, b) = await SocketPairAsync();
        var options = new YamuxOptions { KeepAliveInterval = TimeSpan.Zero };
        var dialer = new YamuxSession(a, isDialer: true, options);
        var listener = new YamuxSession(b, isDialer: false, options);
        dialer.Start();
        listener.Start();
        return (dialer, listener);
    }

    private static byte[] Header(YamuxFrameType type, YamuxFlags flags, uint stream, uint length)
    {
        var bytes = new byte[YamuxHeader.Size];
        new YamuxHeader(type, flags, stream, length).Write(bytes);
        return bytes;
    }

    [Fact]
    public void Header_WriteRead_BigEndianLayout()
    {
        var bytes = Header(YamuxFrameType.WindowUpdate, YamuxFlags.Syn | YamuxFlags.Fin, 0x01020304, 0x0a0b0c0d);
        Assert.Equal("000100050102030" + "40a0b0c0d", Convert.ToHexStringLower(bytes));
        Assert.Equal(new YamuxHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Syn | YamuxFlags.Fin, 0x01020304, 0x0a0b0c0d), YamuxHeader.Read(bytes));
        Assert.Throws<YamuxException>(() => YamuxHeader.Read(Convert.FromHexString("010000000000000000000000")));
        Assert.Throws<YamuxException>(() => YamuxHeader.Read(Convert.FromHexString("000400000000000000000000")));
    }

    [Fact]
    public async Task StreamIds_DialerOddListenerEven()
    {
        var (dialer, listener) = await SessionPairAsync();
        await using (dialer)
        await using (listener)
        {
            Assert.Equal(1u, (await dialer.OpenStreamAsync(default)).Id);
            Assert.Equal(3u, (await dialer.OpenStreamAsync(default)).Id);
            Assert.Equal(2u, (await listener.OpenStreamAsync(default)).Id);
            Assert.Equal(1u, (await listener.AcceptStreamAsync(default).AsTask().WaitAsync(Timeout)).Id);
        }
    }

    [Fact]
    public async Task Write_BeyondRemoteWindow_WaitsUntilReaderConsumes()
    {
        var (dialer, listener) = await SessionPairAsync();
        await using (dialer)
        await using (listener)
        {
            var payload = RandomNumberGenerator.GetBytes(YamuxOptions.InitialWindow * 3);
            var outbound = await dialer.OpenStreamAsync(default);
            var writing = outbound.WriteAsync(payload).AsTask();
            var inbound = await listener.AcceptStreamAsync(default).AsTask().WaitAsync(Timeout);
            await Task.Delay(300);
            Assert.False(writing.IsCompleted, "the writer must stop at the 256 KiB window while nobody reads");

            var received = new byte[payload.Length];
            await inbound.ReadExactlyAsync(received).AsTask().WaitAsync(Timeout);
            await writing.WaitAsync(Timeout);
            Assert.True(payload.AsSpan().SequenceEqual(received));
        }
    }

    [Fact]
    public async Task Data_OverrunningReceiveWindow_GoAwayProtocolError()
    {
        var (raw, b) = await SocketPairAsync();
        await using var session = new YamuxSession(b, isDialer: false, new YamuxOptions { KeepAliveInterval = TimeSpan.Zero });
        session.Start();
        await raw.WriteAsync(Header(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, 1, 0));
        var ack = new byte[YamuxHeader.Size];
        await raw.ReadExactlyAsync(ack);
        Assert.Equal(new YamuxHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Ack, 1, 0), YamuxHeader.Read(ack));

        // Two frames that together exceed the 256 KiB window the listener granted.
        var half = YamuxOptions.InitialWindow / 2 + 1;
        for (var i = 0; i < 2; i++)
        {
            await raw.WriteAsync(Header(YamuxFrameType.Data, YamuxFlags.None, 1, (uint)half));
            await raw.WriteAsync(new byte[half]);
        }

        var goAway = new byte[YamuxHeader.Size];
        await raw.ReadExactlyAsync(goAway).AsTask().WaitAsync(Timeout);
        Assert.Equal(new YamuxHeader(YamuxFrameType.GoAway, YamuxFlags.None, 0, (uint)YamuxGoAwayCode.ProtocolError), YamuxHeader.Read(goAway));
        await session.Completion.WaitAsync(Timeout);
        Assert.IsType<YamuxException>(session.CloseReason);
    }

    [Fact]
    public async Task Read_HalfTheWindow_SendsWindowUpdate()
    {
        var (raw, b) = await SocketPairAsync();
        await using var session = new YamuxSession(b, isDialer: false, new YamuxOptions { KeepAliveInterval = TimeSpan.Zero });
        session.Start();
        await raw.WriteAsync(Header(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, 1, 0));
        var frame = new byte[YamuxHeader.Size];
        await raw.ReadExactlyAsync(frame);
        var stream = await session.AcceptStreamAsync(default).AsTask().WaitAsync(Timeout);
        var half = YamuxOptions.InitialWindow / 2;
        await raw.WriteAsync(Header(YamuxFrameType.Data, YamuxFlags.None, 1, (uint)half));
        await raw.WriteAsync(new byte[half]);
        await stream.ReadExactlyAsync(new byte[half]).AsTask().WaitAsync(Timeout);
        await raw.ReadExactlyAsync(frame).AsTask().WaitAsync(Timeout);
        Assert.Equal(new YamuxHeader(YamuxFrameType.WindowUpdate, YamuxFlags.None, 1, (uint)half), YamuxHeader.Read(frame));
    }

    [Fact]
    public async Task Ping_Syn_AnsweredWithAckAndSameValue()
    {
        var (raw, b) = await SocketPairAsync();
        await using var session = new YamuxSession(b, isDialer: false, new YamuxOptions { KeepAliveInterval = TimeSpan.Zero });
        session.Start();
        await raw.WriteAsync(Header(YamuxFrameType.Ping, YamuxFlags.Syn, 0, 0xdeadbeef));
        var pong = new byte[YamuxHeader.Size];
        await raw.ReadExactlyAsync(pong).AsTask().WaitAsync(Timeout);
        Assert.Equal(new YamuxHeader(YamuxFrameType.Ping, YamuxFlags.Ack, 0, 0xdeadbeef), YamuxHeader.Read(pong));
    }

    [Fact]
    public async Task PingAsync_BetweenSessions_ReturnsRoundTrip()
    {
        var (dialer, listener) = await SessionPairAsync();
        await using (dialer)
        await using (listener)
        {
            Assert.True(await dialer.PingAsync(default).WaitAsync(Timeout) > TimeSpan.Zero);
            Assert.True(await listener.PingAsync(default).WaitAsync(Timeout) > TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task KeepAlive_SendsPings()
    {
        var (raw, b) = await SocketPairAsync();
        await using var session = new YamuxSession(b, isDialer: false, new YamuxOptions { KeepAliveInterval = TimeSpan.FromMilliseconds(100) });
        session.Start();
        var ping = new byte[YamuxHeader.Size];
        await raw.ReadExactlyAsync(ping).AsTask().WaitAsync(Timeout);
        var header = YamuxHeader.Read(ping);
        Assert.Equal((YamuxFrameType.Ping, YamuxFlags.Syn), (header.Type, header.Flags));
    }

    [Fact]
    public async Task Dispose_SendsGoAwayNormal()
    {
        var (raw, b) = await SocketPairAsync();
        var session = new YamuxSession(b, isDialer: false, new YamuxOptions { KeepAliveInterval = TimeSpan.Zero });
        session.Start();
        await session.DisposeAsync();
        var goAway = new byte[YamuxHeader.Size];
        await raw.ReadExactlyAsync(goAway).AsTask().WaitAsync(Timeout);
        Assert.Equal(new YamuxHeader(YamuxFrameType.GoAway, YamuxFlags.None, 0, 0), YamuxHeader.Read(goAway));
    }

    [Fact]
    public async Task RemoteGoAway_NoNewOutboundStreams()
    {
        var (raw, b) = await SocketPairAsync();
        await using var session = new YamuxSession(b, isDialer: true, new YamuxOptions { KeepAliveInterval = TimeSpan.Zero });
        session.Start();
        await raw.WriteAsync(Header(YamuxFrameType.GoAway, YamuxFlags.None, 0, 0));
        await Task.Delay(200);
        await Assert.ThrowsAsync<YamuxException>(() => session.OpenStreamAsync(default));
    }

    [Fact]
    public async Task HalfClose_RemoteReadsEndAndCanStillWrite()
    {
        var (dialer, listener) = await SessionPairAsync();
        await using (dialer)
        await using (listener)
        {
            var outbound = await dialer.OpenStreamAsync(default);
            await outbound.WriteAsync("hi"u8.ToArray());
            await outbound.CloseWriteAsync();
            var inbound = await listener.AcceptStreamAsync(default).AsTask().WaitAsync(Timeout);
            var received = new MemoryStream();
            await inbound.CopyToAsync(received).WaitAsync(Timeout);
            Assert.Equal("hi"u8.ToArray(), received.ToArray());
            await inbound.WriteAsync("back"u8.ToArray());
            await inbound.CloseWriteAsync();
            var reply = new MemoryStream();
            await outbound.CopyToAsync(reply).WaitAsync(Timeout);
            Assert.Equal("back"u8.ToArray(), reply.ToArray());
            await Assert.ThrowsAsync<InvalidOperationException>(() => outbound.WriteAsync("x"u8.ToArray()).AsTask());
        }
    }

    [Fact]
    public async Task Reset_FailsRemoteRead()
    {
        var (dialer, listener) = await SessionPairAsync();
        await using (dialer)
        await using (listener)
        {
            var outbound = await dialer.OpenStreamAsync(default);
            var inbound = await listener.AcceptStreamAsync(default).AsTask().WaitAsync(Timeout);
            outbound.Reset();
            await Assert.ThrowsAsync<IOException>(() => inbound.ReadAsync(new byte[1]).AsTask().WaitAsync(Timeout));
        }
    }
}
