using Microsoft.Extensions.Logging;
using NativeDvt.Libp2p.Hosting;

namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>Runs gossipsub on a <see cref="Libp2pHost"/>.</summary>
public static class Libp2pHostGossipsubExtensions
{
    /// <summary>
    /// Registers the gossipsub protocols on the host and follows its connections: every connected peer gets
    /// our outbound gossipsub stream, and leaves the router when its last connection closes. Call
    /// <see cref="GossipsubService.Start"/> to start the heartbeat.
    /// </summary>
    public static GossipsubService AddGossipsub(this Libp2pHost host, GossipsubOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        var service = new GossipsubService(new Libp2pGossipsubHost(host), options, timeProvider, loggerFactory);
        host.PeerConnected += (_, e) => _ = service.AddPeerAsync(e.Peer.ToString(), e.Connection.Direction == ConnectionDirection.Outbound);
        host.PeerDisconnected += (_, e) => service.RemovePeer(e.Peer.ToString());
        return service;
    }
}
