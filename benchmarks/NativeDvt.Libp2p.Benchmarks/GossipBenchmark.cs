using System.Diagnostics;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Gossipsub;
using NativeDvt.Libp2p.Hosting;

namespace NativeDvt.Libp2p.Benchmarks;

/// <summary>
/// Gossipsub over the real stack on loopback, all nodes in this process: propagation latency of messages
/// published one at a time along a chain, and throughput of a stream of messages between two nodes.
/// Same parameters and message id (SHA-256 of the data, StrictNoSign) as gossip-bench.mjs.
/// </summary>
internal static class GossipBenchmark
{
    private const string Topic = "bench";

    public static async Task<GossipBenchmarkResult> RunAsync(int chainLength, int messages, int throughputMessages, int size)
    {
        var latencies = new List<double>(messages);
        var line = await ChainAsync(chainLength);
        try
        {
            TaskCompletionSource? waiting = null;
            line[^1].Service.Router.MessageReceived += (_, _) => Volatile.Read(ref waiting)?.TrySetResult();
            for (var i = 0; i < messages; i++)
            {
                var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref waiting, arrived);
                var start = Stopwatch.GetTimestamp();
                line[0].Service.Router.Publish(Topic, Payload(i, 16));
                await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        finally
        {
            await StopAsync(line).ConfigureAwait(false);
        }

        latencies.Sort();
        var pair = await ChainAsync(2);
        try
        {
            var received = 0;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            pair[1].Service.Router.MessageReceived += (_, _) =>
            {
                if (Interlocked.Increment(ref received) == throughputMessages)
                {
                    done.TrySetResult();
                }
            };
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < throughputMessages; i++)
            {
                pair[0].Service.Router.Publish(Topic, Payload(i, size));
            }

            await done.Task.WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            return new GossipBenchmarkResult(Percentile(latencies, 0.5), Percentile(latencies, 0.99), throughputMessages / seconds);
        }
        finally
        {
            await StopAsync(pair).ConfigureAwait(false);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static byte[] Payload(int sequence, int size)
    {
        var data = new byte[size];
        BitConverter.TryWriteBytes(data, sequence);
        BitConverter.TryWriteBytes(data.AsSpan(4), Random.Shared.Next());
        return data;
    }

    private static async Task<List<(Libp2pHost Host, GossipsubService Service)>> ChainAsync(int count)
    {
        var nodes = new List<(Libp2pHost Host, GossipsubService Service)>();
        for (var i = 0; i < count; i++)
        {
            var host = new Libp2pHost(new Libp2pHostOptions { Identity = PrivateKey.GenerateEd25519(), ListenAddresses = [Multiaddr.Parse("/ip4/127.0.0.1/tcp/0")] });
            var service = host.AddGossipsub(new GossipsubOptions { D = 8, DLo = 6, DHi = 12, DLazy = 6, HeartbeatInterval = TimeSpan.FromMilliseconds(700), HistoryLength = 6, HistoryGossip = 3 });
            service.Router.Subscribe(Topic);
            service.Start();
            await host.StartAsync().ConfigureAwait(false);
            if (i > 0)
            {
                await host.DialAsync(nodes[i - 1].Host.ListenAddresses[0].WithPeerId(nodes[i - 1].Host.PeerId)).ConfigureAwait(false);
            }

            nodes.Add((host, service));
        }

        for (var i = 1; i < count; i++)
        {
            var (a, b) = (nodes[i - 1], nodes[i]);
            while (!a.Service.Router.MeshPeers(Topic).Contains(b.Host.PeerId.ToString()) || !b.Service.Router.MeshPeers(Topic).Contains(a.Host.PeerId.ToString()))
            {
                await Task.Delay(20).ConfigureAwait(false);
            }
        }

        return nodes;
    }

    private static async Task StopAsync(List<(Libp2pHost Host, GossipsubService Service)> nodes)
    {
        foreach (var (host, service) in nodes)
        {
            await service.DisposeAsync().ConfigureAwait(false);
            await host.DisposeAsync().ConfigureAwait(false);
        }
    }
}
