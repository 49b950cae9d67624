using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Hosting;

namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>Presents a <see cref="Libp2pHost"/> as the stream host gossipsub runs on.</summary>
public sealed class Libp2pGossipsubHost(Libp2pHost host) : IGossipsubHost
{
    public void SetStreamHandler(IReadOnlyList<string> protocols, Func<string, string, Stream, Task> handler)
    {
        foreach (var protocol in protocols)
        {
            host.SetHandler(protocol, context => handler(context.RemotePeer.ToString(), context.Protocol, context.Stream));
        }
    }

    public async Task<(Stream Stream, string Protocol)> OpenStreamAsync(string peer, IReadOnlyList<string> protocols, CancellationToken cancellationToken)
    {
        var stream = await host.OpenStreamAsync(PeerId.Parse(peer), protocols, cancellationToken).ConfigureAwait(false);
        return (stream, stream.Protocol);
    }

    public Task DisconnectAsync(string peer) => host.DisconnectAsync(PeerId.Parse(peer));
}
