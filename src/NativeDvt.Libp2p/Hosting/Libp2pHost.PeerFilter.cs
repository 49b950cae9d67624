using NativeDvt.Libp2p.Core.Identity;

namespace NativeDvt.Libp2p.Hosting;

/// <summary>
/// The peer filter: a network partition made on the host itself, so that nothing (gossip, requests, identify) crosses it
/// and a test need not touch sockets or routing.
/// </summary>
public sealed partial class Libp2pHost
{
    private Func<PeerId, bool>? _peerFilter;

    /// <summary>
    /// From now on admits only the peers <paramref name="admit"/> accepts: open connections to the others close, dials
    /// to them fail with <see cref="PeerFilteredException"/>, and their inbound connections close after the handshake
    /// (the peer id is known only then). Null admits every peer again; it does not redial the peers it refused.
    /// </summary>
    public async Task SetPeerFilterAsync(Func<PeerId, bool>? admit)
    {
        List<Libp2pConnection> refused;
        // Under the registry's lock: a connection registers either before the filter (and is closed here) or after it
        // (and is refused by Register), never in between.
        lock (_connections)
        {
            _peerFilter = admit;
            refused = admit is null ? [] : [.. _connections.Where(p => !admit(p.Key)).SelectMany(p => p.Value)];
        }

        foreach (var connection in refused)
        {
            HostLog.PeerFiltered(_logger, connection.RemotePeer);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>True unless the peer filter refuses <paramref name="peer"/>.</summary>
    public bool Admits(PeerId peer)
    {
        lock (_connections)
        {
            return AdmitsLocked(peer);
        }
    }

    private bool AdmitsLocked(PeerId peer) => _peerFilter is not { } admit || admit(peer);
}
