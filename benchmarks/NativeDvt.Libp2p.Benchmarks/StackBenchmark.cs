using System.Diagnostics;
using System.Security.Cryptography;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Hosting;

namespace NativeDvt.Libp2p.Benchmarks;

/// <summary>
/// Loopback figures for the libp2p stack: connection setup (TCP + multistream + Noise XX + yamux),
/// ping round trip, and one-stream throughput through Noise and yamux.
/// </summary>
internal static class StackBenchmark
{
    public static async Task RunAsync()
    {
        const string Sink = "/bench/sink/1.0.0";
        var listen = new[] { Multiaddr.Parse("/ip4/127.0.0.1/tcp/0") };

        await using var server = new Libp2pHost(new Libp2pHostOptions { ListenAddresses = listen, MaxConnectionsPerPeer = 1000, MaxConnections = 2000 });
        server.SetHandler(Sink, async context =>
        {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await context.Stream.ReadAsync(buffer, context.CancellationToken)) > 0)
            {
                total += read;
            }

            await context.Stream.WriteAsync(BitConverter.GetBytes(total), context.CancellationToken);
            await context.Stream.CloseWriteAsync(context.CancellationToken);
        });
        await server.StartAsync();
        var address = server.ListenAddresses[0].WithPeerId(server.PeerId);

        // Connection setup: a fresh client host per connection so every dial runs the full upgrade.
        const int Connections = 200;
        var setup = Stopwatch.StartNew();
        for (var i = 0; i < Connections; i++)
        {
            await using var client = new Libp2pHost(new Libp2pHostOptions());
            await using var connection = await client.DialAsync(address);
        }

        Console.WriteLine($"connection setup: {Connections} dials, {setup.Elapsed.TotalMilliseconds / Connections:F2} ms each (sequential, incl. host creation and teardown)");

        await using var peer = new Libp2pHost(new Libp2pHostOptions());
        await peer.DialAsync(address);

        const int Pings = 2000;
        for (var i = 0; i < 100; i++)
        {
            await peer.PingAsync(server.PeerId);
        }

        var rtts = new List<double>(Pings);
        await using (var pingStream = await peer.OpenStreamAsync(server.PeerId, "/ipfs/ping/1.0.0"))
        {
            var payload = RandomNumberGenerator.GetBytes(32);
            var echo = new byte[32];
            for (var i = 0; i < Pings; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await pingStream.WriteAsync(payload);
                await pingStream.ReadExactlyAsync(echo);
                rtts.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }
        }

        rtts.Sort();
        Console.WriteLine($"ping on one stream: {Pings} round trips, median {rtts[Pings / 2]:F0} us, p99 {rtts[Pings * 99 / 100]:F0} us");

        const int Megabytes = 256;
        var chunk = RandomNumberGenerator.GetBytes(256 * 1024);
        var transfer = Stopwatch.StartNew();
        await using (var stream = await peer.OpenStreamAsync(server.PeerId, Sink))
        {
            for (var i = 0; i < Megabytes * 4; i++)
            {
                await stream.WriteAsync(chunk);
            }

            await stream.CloseWriteAsync();
            var count = new byte[8];
            await stream.ReadExactlyAsync(count);
            if (BitConverter.ToInt64(count) != Megabytes * 1024L * 1024)
            {
                throw new InvalidOperationException("sink received a different byte count");
            }
        }

        Console.WriteLine($"one-stream throughput: {Megabytes} MiB in {transfer.Elapsed.TotalSeconds:F2} s = {Megabytes / transfer.Elapsed.TotalSeconds:F0} MiB/s");
    }
}
