using System.Net;
using System.Net.Sockets;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Transport;

namespace NativeDvt.Libp2p.Hosting;

/// <summary>Listening, accepting and dialling.</summary>
public sealed partial class Libp2pHost
{
    private readonly List<TcpListener> _listeners = [];
    private readonly List<Task> _acceptLoops = [];

    /// <summary>Binds every configured listen address and starts accepting.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        foreach (var address in _options.ListenAddresses)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var listener = TcpTransport.Listen(address);
            lock (_listenAddresses)
            {
                _listeners.Add(listener);
                var bound = Multiaddr.FromTcp((IPEndPoint)listener.LocalEndpoint);
                _listenAddresses.Add(bound);
                HostLog.Listening(_logger, bound);
                _acceptLoops.Add(Task.Run(() => AcceptLoopAsync(listener), CancellationToken.None));
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Connects to <paramref name="address"/> (/ip4|ip6|dns…/tcp/port, optionally /p2p/id, which the
    /// remote must then prove). Returns an existing connection when that peer is already connected.
    /// </summary>
    public async Task<Libp2pConnection> DialAsync(Multiaddr address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ThrowIfDisposed();
        var expected = address.GetPeerId();
        if (expected == PeerId)
        {
            throw new InvalidOperationException("cannot dial ourselves");
        }

        if (expected is not null && !Admits(expected))
        {
            throw new PeerFilteredException($"the peer filter does not admit {expected}");
        }

        if (expected is not null && FirstConnection(expected) is { } existing)
        {
            return existing;
        }

        if (!TryReserveSlot())
        {
            throw new ConnectionLimitException($"at the limit of {_options.MaxConnections} connections");
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
            timeout.CancelAfter(_options.HandshakeTimeout);
            var socket = await TcpTransport.DialAsync(address, timeout.Token).ConfigureAwait(false);
            var connection = await UpgradeAsync(socket, isDialer: true, expected, timeout.Token).ConfigureAwait(false);
            if (Register(connection))
            {
                return connection;
            }

            await connection.DisposeAsync().ConfigureAwait(false);
            if (!Admits(connection.RemotePeer))
            {
                throw new PeerFilteredException($"the peer filter does not admit {connection.RemotePeer}");
            }

            return FirstConnection(connection.RemotePeer)
                ?? throw new ConnectionLimitException($"at the per-peer limit for {connection.RemotePeer}");
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && !_shutdown.IsCancellationRequested)
        {
            throw new TimeoutException($"dialling {address} took longer than {_options.HandshakeTimeout}", e);
        }
        finally
        {
            ReleaseSlot();
        }
    }

    private async Task<Libp2pConnection> UpgradeAsync(Socket socket, bool isDialer, Core.Identity.PeerId? expected, CancellationToken cancellationToken)
    {
        var local = Multiaddr.FromTcp((IPEndPoint)socket.LocalEndPoint!);
        var remote = Multiaddr.FromTcp((IPEndPoint)socket.RemoteEndPoint!);
        var transport = new NetworkStream(socket, ownsSocket: true);
        try
        {
            var (channel, session) = await ConnectionUpgrader.UpgradeAsync(transport, _identity, isDialer, expected, _yamuxOptions, cancellationToken).ConfigureAwait(false);
            return new Libp2pConnection(session, channel.RemotePublicKey, local, remote, isDialer ? ConnectionDirection.Outbound : ConnectionDirection.Inbound, _options.StreamNegotiationTimeout);
        }
        catch
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        while (!_shutdown.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(_shutdown.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (IsShutdownError(e))
            {
                if (_shutdown.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            if (!TryReserveSlot())
            {
                HostLog.ConnectionLimitReached(_logger, _options.MaxConnections);
                socket.Dispose();
                continue;
            }

            socket.NoDelay = true;
            _ = HandleInboundAsync(socket);
        }
    }

    private async Task HandleInboundAsync(Socket socket)
    {
        var remote = socket.RemoteEndPoint?.ToString() ?? "?";
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
            timeout.CancelAfter(_options.HandshakeTimeout);
            var connection = await UpgradeAsync(socket, isDialer: false, expected: null, timeout.Token).ConfigureAwait(false);
            if (!Register(connection))
            {
                if (Admits(connection.RemotePeer))
                {
                    HostLog.PeerLimitReached(_logger, connection.RemotePeer);
                }
                else
                {
                    HostLog.PeerFiltered(_logger, connection.RemotePeer);
                }

                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            // A failed inbound handshake costs only that socket (UpgradeAsync disposed it).
            HostLog.InboundHandshakeFailed(_logger, remote, e);
            socket.Dispose();
        }
        finally
        {
            ReleaseSlot();
        }
    }

    private void StopListeners()
    {
        lock (_listenAddresses)
        {
            foreach (var listener in _listeners)
            {
                listener.Stop();
            }
        }
    }

    private Task WhenListenersStoppedAsync()
    {
        lock (_listenAddresses)
        {
            return Task.WhenAll(_acceptLoops);
        }
    }
}
