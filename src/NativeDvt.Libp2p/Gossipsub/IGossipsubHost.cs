namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>
/// The stream services <see cref="GossipsubService"/> needs from a libp2p host: an inbound stream handler
/// for the gossipsub protocol ids, and outbound streams to connected peers. Peers are textual peer ids.
/// </summary>
public interface IGossipsubHost
{
    /// <summary>Registers the handler for inbound streams negotiated on one of <paramref name="protocols"/>.</summary>
    void SetStreamHandler(IReadOnlyList<string> protocols, Func<string, string, Stream, Task> handler);

    /// <summary>Opens a stream to a connected peer, negotiating the first of <paramref name="protocols"/> it supports.</summary>
    Task<(Stream Stream, string Protocol)> OpenStreamAsync(string peer, IReadOnlyList<string> protocols, CancellationToken cancellationToken);

    /// <summary>Closes every connection to <paramref name="peer"/> (used for peers that send malformed frames).</summary>
    Task DisconnectAsync(string peer);
}
