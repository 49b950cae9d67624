using System.Net;
using System.Net.Sockets;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.MultistreamSelect;
using NativeDvt.Libp2p.Noise;
using NativeDvt.Libp2p.Yamux;

namespace NativeDvt.Libp2p.Tests.Fuzz;

/// <summary>
/// A hand-driven client for feeding bad bytes to a host at a chosen layer: raw TCP, after a good
/// multistream /noise exchange, or after a good Noise handshake and /yamux/1.0.0 selection
/// (negotiated by multistream, without the Noise muxer extension).
/// </summary>
internal sealed class RawPeer : IAsyncDisposable
{
    private readonly Socket _socket;

    private RawPeer(Socket socket, Stream stream)
    {
        _socket = socket;
        Stream = stream;
    }

    /// <summary>Where the layer under test reads: raw, or the Noise channel once secured.</summary>
    public Stream Stream { get; private set; }

    public static async Task<RawPeer> ConnectAsync(Multiaddr address)
    {
        var endpoint = new IPEndPoint(IPAddress.Parse(address.Components[0].ValueText), int.Parse(address.Components[1].ValueText, System.Globalization.CultureInfo.InvariantCulture));
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, LingerState = new LingerOption(true, 0) };
        await socket.ConnectAsync(endpoint);
        return new RawPeer(socket, new NetworkStream(socket, ownsSocket: false));
    }

    public Task SelectNoiseAsync(CancellationToken cancellationToken) => Multistream.SelectAsync(Stream, [NoiseSecurity.ProtocolId], cancellationToken);

    public async Task SecureAndSelectYamuxAsync(PrivateKey identity, PeerId expected, CancellationToken cancellationToken)
    {
        await SelectNoiseAsync(cancellationToken);
        var channel = await NoiseSecurity.SecureAsync(Stream, identity, initiator: true, expected, streamMuxers: [], cancellationToken);
        Stream = channel.Stream;
        await Multistream.SelectAsync(Stream, [YamuxSession.ProtocolId], cancellationToken);
    }

    /// <summary>Sends <paramref name="bytes"/>, half-closes, and waits for the host to close; false when it did not within <paramref name="timeout"/>.</summary>
    public async Task<bool> SendAndAwaitCloseAsync(byte[] bytes, TimeSpan timeout)
    {
        try
        {
            await Stream.WriteAsync(bytes);
            await Stream.FlushAsync();
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The host already dropped us, which is a close.
            return true;
        }

        return await AwaitCloseAsync(timeout);
    }

    public async Task<bool> AwaitCloseAsync(TimeSpan timeout)
    {
        var buffer = new byte[4096];
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await _socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token) > 0)
            {
            }

            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
