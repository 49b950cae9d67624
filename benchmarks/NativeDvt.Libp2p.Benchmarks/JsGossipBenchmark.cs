using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NativeDvt.Tests;

namespace NativeDvt.Libp2p.Benchmarks;

/// <summary>Runs tests/interop/js-libp2p/gossip-bench.mjs (js-libp2p nodes in one Node process) with the same parameters.</summary>
internal static class JsGossipBenchmark
{
    public static async Task<GossipBenchmarkResult> RunAsync(int chainLength, int messages, int throughputMessages, int size)
    {
        var folder = await NodePackages.EnsureInstalledAsync("tests/interop/js-libp2p").ConfigureAwait(false);
        var start = new ProcessStartInfo(NodePackages.Node) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "gossip-bench.mjs", "--nodes", chainLength.ToString(CultureInfo.InvariantCulture), "--messages", messages.ToString(CultureInfo.InvariantCulture), "--throughput", throughputMessages.ToString(CultureInfo.InvariantCulture), "--size", size.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"gossip-bench.mjs failed ({process.ExitCode}): {await stderr.ConfigureAwait(false)}");
        }

        using var result = JsonDocument.Parse((await stdout.ConfigureAwait(false)).Trim());
        var root = result.RootElement;
        return new GossipBenchmarkResult(root.GetProperty("p50_ms").GetDouble(), root.GetProperty("p99_ms").GetDouble(), root.GetProperty("throughput_msgs_per_s").GetDouble());
    }
}
