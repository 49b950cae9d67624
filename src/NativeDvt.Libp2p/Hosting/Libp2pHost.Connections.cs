using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Identify;

namespace NativeDvt.Libp2p.Hosting;

/// <summary>The connection registry, its limits and the peer events.</summary>
public sealed partial class Libp2pHost
{
    private readonly Dictionary<PeerId, List<Libp2pConnection>> _connections = [];
    private int _pendingConnections;
    private int _openConnections;

    /// <summary>Peers with at least one open connection.</summary>
    public IReadOnlyCollection<PeerId> ConnectedPeers
    {
        get
        {
            lock (_connections)
            {
                return [.. _connections.Keys];
            }
        }
    }

    /// <summary>Open connections to <paramref name="peer"/>, oldest first.</summary>
    public IReadOnlyList<Libp2pConnection> GetConnections(PeerId peer)
    {
        lock (_connections)
        {
            return _connections.TryGetValue(peer, out var list) ? [.. list] : [];
        }
    }

    private Libp2pConnection? FirstConnection(PeerId peer)
    {
        lock (_connections)
        {
            // A connection whose session just ended is unregistered a moment later; skip it meanwhile.
            return _connections.TryGetValue(peer, out var list) ? list.Find(c => !c.Completion.IsCompleted) : null;
        }
    }

    private List<Libp2pConnection> AllConnections()
    {
        lock (_connections)
        {
            return [.. _connections.Values.SelectMany(c => c)];
        }
    }

    /// <summary>Claims a slot for a connection being set up; false at the limit.</summary>
    private bool TryReserveSlot()
    {
        lock (_connections)
        {
            if (_pendingConnections + _openConnections >= _options.MaxConnections)
            {
                return false;
            }

            _pendingConnections++;
            return true;
        }
    }

    private void ReleaseSlot()
    {
        lock (_connections)
        {
            _pendingConnections--;
        }
    }

    /// <summary>Adds an upgraded connection and starts it; false when the peer is at its per-peer limit.</summary>
    private bool Register(Libp2pConnection connection)
    {
        bool first;
        lock (_connections)
        {
            if (!_connections.TryGetValue(connection.RemotePeer, out var list))
            {
                list = [];
                _connections[connection.RemotePeer] = list;
            }

            if (list.Count >= _options.MaxConnectionsPerPeer || _disposed != 0 || !AdmitsLocked(connection.RemotePeer))
            {
                if (list.Count == 0)
                {
                    _connections.Remove(connection.RemotePeer);
                }

                return false;
            }

            list.Add(connection);
            _openConnections++;
            first = list.Count == 1;
        }

        HostLog.ConnectionOpened(_logger, connection.Direction, connection.RemotePeer, connection.RemoteAddress);
        connection.Session.Start();
        _ = connection.Completion.ContinueWith(_ => Unregister(connection), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _ = AcceptStreamsAsync(connection);
        _ = RunIdentifyAsync(connection);
        if (first)
        {
            Raise(PeerConnected, new PeerEventArgs(connection.RemotePeer, connection));
        }

        return true;
    }

    private void Unregister(Libp2pConnection connection)
    {
        bool last;
        lock (_connections)
        {
            if (!_connections.TryGetValue(connection.RemotePeer, out var list) || !list.Remove(connection))
            {
                return;
            }

            _openConnections--;
            last = list.Count == 0;
            if (last)
            {
                _connections.Remove(connection.RemotePeer);
            }
        }

        HostLog.ConnectionClosed(_logger, connection.RemotePeer, connection.RemoteAddress, connection.Session.CloseReason);
        connection.FailIdentify(new IOException("connection closed"));
        if (last)
        {
            Raise(PeerDisconnected, new PeerEventArgs(connection.RemotePeer, connection));
        }
    }

    private async Task RunIdentifyAsync(Libp2pConnection connection)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
            timeout.CancelAfter(_options.StreamNegotiationTimeout);
            connection.SetIdentify(await IdentifyProtocol.RequestAsync(connection, timeout.Token).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            HostLog.IdentifyFailed(_logger, connection.RemotePeer, e);
            connection.FailIdentify(e);
        }
    }

    private void Raise(EventHandler<PeerEventArgs>? handler, PeerEventArgs args)
    {
        try
        {
            handler?.Invoke(this, args);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A subscriber's failure must not take the connection down with it.
            HostLog.SubscriberFailed(_logger, e);
        }
    }
}
