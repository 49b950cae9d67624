using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using NativeDvt.Crypto.Bls;

namespace NativeDvt.Crypto.Benchmarks.Bls;

/// <summary>
/// Times our BLS against @chainsafe/blst (run by node on the same machine in the same run) on the
/// same inputs, from serialized keys and signatures, and prints ours, blst and the ratio.
/// Options: --ms N (minimum time per operation, default 1500), --ours-only.
/// </summary>
internal static class BlsBenchmark
{
    public static int Run(string[] args)
    {
        var minMs = 1500;
        var oursOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--ms" && i + 1 < args.Length)
            {
                minMs = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--ours-only")
            {
                oursOnly = true;
            }
        }

        var scheme = new BlsScheme();
        var inputs = BenchmarkInputs.Create(scheme);
        Console.WriteLine($"CPU: {MachineDescription.Cpu()}");
        Console.WriteLine($"path: {MachineDescription.Path()}");
        var ours = new Dictionary<string, Timing>
        {
            ["sign"] = Timing.Measure(minMs, () => scheme.Sign(inputs.SecretKey, inputs.Message)),
            ["verify"] = Timing.Measure(minMs, () => Check(scheme.Verify(inputs.PublicKey, inputs.Message, inputs.Signature))),
            ["aggregate7"] = Timing.Measure(minMs, () => scheme.Aggregate(inputs.Signatures7)),
            ["fastAggregateVerify7"] = Timing.Measure(minMs, () => Check(scheme.FastAggregateVerify(inputs.PublicKeys7, inputs.Message, inputs.Aggregate7))),
            ["publicKeyFromBytes"] = Timing.Measure(minMs, () => Check(BlsScheme.KeyValidate(inputs.PublicKey))),
            ["signatureFromBytes"] = Timing.Measure(minMs, () => Check(BlsScheme.IsValidG2Encoding(inputs.Signature))),
            ["batchVerify64PerSig"] = Timing.Measure(minMs, () => Check(scheme.BatchVerify(inputs.Batch)), inputs.Batch.Count),
        };

        var blst = oursOnly ? null : RunBlst(inputs, minMs);
        PrintTable(ours, blst);
        return 0;
    }

    private static void Check(bool valid)
    {
        if (!valid)
        {
            throw new InvalidOperationException("benchmark input failed to verify");
        }
    }

    private static Dictionary<string, Timing> RunBlst(BenchmarkInputs inputs, int minMs)
    {
        var folder = NodeFolder.EnsureInstalled();
        var inputFile = Path.Combine(Path.GetTempPath(), $"ndvt-bls-bench-{Environment.ProcessId}.json");
        File.WriteAllText(inputFile, inputs.ToJson());
        try
        {
            var start = new ProcessStartInfo("node", $"bench.mjs \"{inputFile}\" {minMs}")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"node bench.mjs failed: {error}");
            }

            return JsonSerializer.Deserialize<Dictionary<string, JsonObject>>(output)!
                .ToDictionary(e => e.Key, e => new Timing((double)e.Value["cpu"]!, (double)e.Value["wall"]!));
        }
        finally
        {
            File.Delete(inputFile);
        }
    }

    /// <summary>CPU and wall figures of both sides and both ratios; the verdict is the larger ratio.</summary>
    private static void PrintTable(Dictionary<string, Timing> ours, Dictionary<string, Timing>? blst)
    {
        var labels = new Dictionary<string, string>
        {
            ["sign"] = "sign",
            ["verify"] = "verify",
            ["aggregate7"] = "aggregate 7 signatures",
            ["fastAggregateVerify7"] = "FastAggregateVerify, 7 keys",
            ["batchVerify64PerSig"] = "batch verify 64 sets (per signature)",
            ["publicKeyFromBytes"] = "public key from bytes (KeyValidate)",
            ["signatureFromBytes"] = "signature from bytes (+ subgroup)",
        };
        static string F(double value, string format = "F1") => value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine("| operation | ours CPU / wall (µs) | blst CPU / wall (µs) | ours/blst CPU | ours/blst wall |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (key, label) in labels)
        {
            var o = ours[key];
            var b = blst?.GetValueOrDefault(key);
            var cpuRatio = b is { Cpu: > 0 } c ? F(o.Cpu / c.Cpu, "F2") : "-";
            var wallRatio = b is { Wall: > 0 } w ? F(o.Wall / w.Wall, "F2") : "-";
            var bText = b is { } t ? $"{F(t.Cpu)} / {F(t.Wall)}" : "-";
            Console.WriteLine($"| {label} | {F(o.Cpu)} / {F(o.Wall)} | {bText} | {cpuRatio} | {wallRatio} |");
        }
    }
}
