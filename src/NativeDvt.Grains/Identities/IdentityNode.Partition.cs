using Microsoft.Extensions.Logging;
using NativeDvt.Grains.Abstractions;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiaddress;

namespace NativeDvt.Grains.Identities;

/// <summary>The node's side of a partition, through its host's peer filter.</summary>
internal sealed partial class IdentityNode
{
    /// <summary>
    /// Admits only <paramref name="admitted"/>, or every peer when null. Nodes dial their peers only when they start, so
    /// with <paramref name="redial"/> the node dials every admitted registered peer it is not connected to: without it a
    /// healed partition would stay split.
    /// </summary>
    public async Task SetPartitionAsync(IReadOnlySet<PeerId>? admitted, IDevnetGrain devnet, bool redial, ILogger logger)
    {
        await _node.Host.SetPeerFilterAsync(admitted is null ? null : admitted.Contains).ConfigureAwait(false);
        if (!redial)
        {
            return;
        }

        var self = _node.Host.PeerId;
        var connected = _node.Host.ConnectedPeers.ToHashSet();
        var dials = (await devnet.GetBootstrapPeersAsync().ConfigureAwait(false))
            .Where(peer => Multiaddr.Parse(peer).GetPeerId() is { } id && id != self && !connected.Contains(id) && _node.Host.Admits(id))
            .Select(peer => DialAsync(_node, peer, logger, CancellationToken.None));
        await Task.WhenAll(dials).ConfigureAwait(false);
    }
}
