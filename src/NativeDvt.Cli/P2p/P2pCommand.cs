using System.CommandLine;

namespace NativeDvt.Cli.P2p;

/// <summary>`ndvt p2p …`: libp2p tools.</summary>
public static class P2pCommand
{
    public static Command Create()
    {
        var listen = new Option<string>("--listen") { Description = "multiaddr to listen on", DefaultValueFactory = _ => "/ip4/127.0.0.1/tcp/0" };
        var topic = new Option<string>("--topic") { Description = "gossip topic to join and publish to", Required = true };
        var dial = new Option<string[]>("--dial") { Description = "multiaddr (with /p2p/) of a peer to connect to; repeatable", DefaultValueFactory = _ => [] };
        var raw = new Option<bool>("--raw") { Description = "payloads as given with message id SHA-256(data), instead of ssz_snappy with the Ethereum message id" };
        var peer = new Command("peer", "run a gossipsub peer: prints 'listening <multiaddr>', then one JSON line per received message; publishes each hex line of stdin")
        {
            listen,
            topic,
            dial,
            raw,
        };
        peer.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new GossipPeerSettings(parse.GetValue(listen)!, parse.GetValue(topic)!, parse.GetValue(dial) ?? [], parse.GetValue(raw));
            return await GossipPeer.RunAsync(settings, Console.In, Console.Out, Console.Error, cancellationToken).ConfigureAwait(false);
        });
        return new Command("p2p", "libp2p tools") { peer };
    }
}
