using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Ethereum;
using NativeDvt.Libp2p.Gossipsub;
using NativeDvt.Libp2p.Hosting;

namespace NativeDvt.Cli.P2p;

/// <summary>
/// `ndvt p2p peer`: one libp2p host with gossipsub on one topic, driven by lines. Output: "listening
/// &lt;multiaddr&gt;/p2p/&lt;id&gt;", then a JSON line per received message. Input: a hex line publishes those bytes
/// (snappy-compressed with the Ethereum message id, or as given with --raw); a JSON line is a query
/// ({"cmd":"peers"}, {"cmd":"mesh"}, {"cmd":"score","peer":"…"}) answered with a JSON line holding "reply".
/// End of input stops the peer with exit code 0.
/// </summary>
public static class GossipPeer
{
    /// <returns>0 after end of input; 2 for an argument that is not a multiaddr; 1 when listening or dialling fails.</returns>
    public static async Task<int> RunAsync(GossipPeerSettings settings, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        Multiaddr listen;
        List<Multiaddr> dial;
        try
        {
            listen = Multiaddr.Parse(settings.Listen);
            dial = [.. settings.Dial.Select(Multiaddr.Parse)];
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync($"ndvt p2p peer: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        try
        {
            return await RunAsync(settings, listen, dial, input, output, error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or TimeoutException or InvalidOperationException)
        {
            await error.WriteLineAsync($"ndvt p2p peer: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> RunAsync(GossipPeerSettings settings, Multiaddr listen, List<Multiaddr> dial, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var writer = TextWriter.Synchronized(output);
        await using var host = new Libp2pHost(new Libp2pHostOptions
        {
            Identity = PrivateKey.GenerateEd25519(),
            ListenAddresses = [listen],
        });
        var options = EthereumGossipOptions.Create();
        if (settings.Raw)
        {
            options = options with { MessageIdFunction = static m => SHA256.HashData(m.Data), MaxRpcSize = new GossipsubOptions().MaxRpcSize };
        }

        options = EthereumGossipOptions.WithTopicScoring(options, settings.Topic);
        await using var gossip = host.AddGossipsub(options);
        var router = gossip.Router;
        if (!settings.Raw)
        {
            router.SetValidator(settings.Topic, EthereumGossipValidator.Create());
        }

        router.MessageReceived += (_, message) =>
        {
            var data = settings.Raw ? message.Data : SszSnappy.Decompress(message.Data);
            writer.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["from"] = message.PropagationSource,
                ["topic"] = message.Topic,
                ["data"] = Convert.ToHexStringLower(data),
            }));
            writer.Flush();
        };
        router.Subscribe(settings.Topic);
        gossip.Start();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        writer.WriteLine($"listening {host.ListenAddresses[0].WithPeerId(host.PeerId)}");
        writer.Flush();
        foreach (var address in dial)
        {
            await host.DialAsync(address, cancellationToken).ConfigureAwait(false);
        }

        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var text = line.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (text.StartsWith('{'))
            {
                writer.WriteLine(Query(router, settings.Topic, text));
                writer.Flush();
                continue;
            }

            try
            {
                var bytes = Convert.FromHexString(text);
                router.Publish(settings.Topic, settings.Raw ? bytes : SszSnappy.Compress(bytes));
            }
            catch (FormatException)
            {
                await error.WriteLineAsync($"not a hex line: {text}").ConfigureAwait(false);
            }
            catch (GossipsubException e)
            {
                await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            }
        }

        return 0;
    }

    private static string Query(GossipsubRouter router, string topic, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var command = document.RootElement.GetProperty("cmd").GetString();
            return command switch
            {
                "peers" => JsonSerializer.Serialize(new { reply = "peers", peers = router.TopicPeers(topic) }),
                "mesh" => JsonSerializer.Serialize(new { reply = "mesh", peers = router.MeshPeers(topic) }),
                "score" => Score(router, document.RootElement.GetProperty("peer").GetString() ?? string.Empty),
                _ => JsonSerializer.Serialize(new { reply = "error", error = $"unknown command {command}" }),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return JsonSerializer.Serialize(new { reply = "error", error = e.Message });
        }
    }

    private static string Score(GossipsubRouter router, string peer) =>
        $"{{\"reply\":\"score\",\"peer\":{JsonSerializer.Serialize(peer)},\"score\":{router.GetScore(peer).ToString("R", CultureInfo.InvariantCulture)}}}";
}
