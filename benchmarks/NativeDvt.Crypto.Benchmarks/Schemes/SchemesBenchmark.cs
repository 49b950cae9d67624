using System.Diagnostics;
using System.Globalization;
using NativeDvt.Crypto.Ed25519;
using NativeDvt.Crypto.Insecure;
using NativeDvt.Crypto.Xmss;

namespace NativeDvt.Crypto.Benchmarks.Schemes;

/// <summary>
/// Key generation, signing and verification times of the non-BLS schemes, as a console table.
/// A plain Stopwatch harness: each operation is warmed up, then timed in five batches; the best
/// batch's mean per operation is reported in wall-clock and in process CPU time. Run in Release. Arguments: "--quick" divides the
/// iteration counts by ten.
/// </summary>
public static class SchemesBenchmark
{
    private static readonly byte[] Message = Enumerable.Range(0, 32).Select(i => (byte)(i * 3)).ToArray();

    /// <summary>Runs every measurement and prints the table.</summary>
    public static void Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var scale = args.Contains("--quick") ? 10 : 1;
        var rows = new List<Row>
        {
            Measure("ed25519", new Ed25519Scheme(), 32, keygensPerBatch: 2000 / scale, signaturesPerBatch: 2000 / scale),
            Measure("insecure-fast", new InsecureFastScheme(), 32, keygensPerBatch: 200_000 / scale, signaturesPerBatch: 200_000 / scale),
            Measure("xmss (in-memory state)", new XmssScheme(new InMemoryXmssStateStore()), XmssParameters.SecretKeyLength, keygensPerBatch: 1, signaturesPerBatch: 1000 / scale),
        };

        var directory = Path.Combine(Path.GetTempPath(), "ndvt-xmss-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            rows.Add(Measure("xmss (file state, fsync)", new XmssScheme(new FileXmssStateStore(directory)), XmssParameters.SecretKeyLength, keygensPerBatch: 1, signaturesPerBatch: 200 / scale));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        Print(rows);
    }

    private static Row Measure(string label, ISignatureScheme scheme, int secretKeyLength, int keygensPerBatch, int signaturesPerBatch)
    {
        // Every key distinct, so XMSS keygen never hits the scheme's tree cache.
        var random = new Random(secretKeyLength);
        byte[] NextSecretKey()
        {
            var key = new byte[secretKeyLength];
            random.NextBytes(key);
            return key;
        }

        // Warm-up: JIT and, for XMSS, the first tree.
        var signingKey = NextSecretKey();
        var signingPublicKey = scheme.DerivePublicKey(signingKey);
        var signature = scheme.Sign(signingKey, Message);
        _ = scheme.Verify(signingPublicKey, Message, signature);

        var keygen = Time(keygensPerBatch, () => scheme.DerivePublicKey(NextSecretKey()));

        // A fresh key per batch, its XMSS tree built before the clock starts: an XMSS key signs at most 1024 times.
        void FreshSigningKey()
        {
            signingKey = NextSecretKey();
            signingPublicKey = scheme.DerivePublicKey(signingKey);
        }

        var sign = Time(signaturesPerBatch, () => signature = scheme.Sign(signingKey, Message), FreshSigningKey);
        var verify = Time(signaturesPerBatch, () =>
        {
            if (!scheme.Verify(signingPublicKey, Message, signature))
            {
                throw new InvalidOperationException($"{label}: a fresh signature failed to verify");
            }
        });

        return new Row(label, keygen, sign, verify, signingPublicKey.Length, signature.Length);
    }

    // Five batches; the best batch's mean, in wall-clock and in process CPU time: on a shared machine the
    // fastest batch is the least disturbed one, and CPU time does not count waiting for a core.
    private static Timing Time(int perBatch, Action operation, Action? beforeBatch = null)
    {
        const int Batches = 5;
        var wall = TimeSpan.MaxValue;
        var cpu = TimeSpan.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (var batch = 0; batch < Batches; batch++)
        {
            beforeBatch?.Invoke();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < perBatch; i++)
            {
                operation();
            }

            var elapsed = stopwatch.Elapsed;
            process.Refresh();
            wall = Min(wall, elapsed / perBatch);
            cpu = Min(cpu, (process.TotalProcessorTime - cpuBefore) / perBatch);
        }

        return new Timing(wall, cpu);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static void Print(List<Row> rows)
    {
        Console.WriteLine("per operation; wall = best batch mean, cpu = process CPU time (XMSS keygen uses every core)");
        Console.WriteLine($"{"scheme",-26} {"keygen wall",12} {"keygen cpu",12} {"sign wall",12} {"sign cpu",12} {"verify wall",12} {"verify cpu",12} {"pk",4} {"sig",5}");
        foreach (var row in rows)
        {
            Console.WriteLine(
                $"{row.Label,-26} {Format(row.Keygen.Wall),12} {Format(row.Keygen.Cpu),12} {Format(row.Sign.Wall),12} {Format(row.Sign.Cpu),12} " +
                $"{Format(row.Verify.Wall),12} {Format(row.Verify.Cpu),12} {row.PublicKeyBytes,4} {row.SignatureBytes,5}");
        }

        Console.WriteLine($"{Environment.ProcessorCount} logical cores, .NET {Environment.Version}");
    }

    private static string Format(TimeSpan duration) => duration.TotalMilliseconds >= 1
        ? duration.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms"
        : (duration.TotalMilliseconds * 1000).ToString("0.0", CultureInfo.InvariantCulture) + " us";

    private sealed record Timing(TimeSpan Wall, TimeSpan Cpu);

    private sealed record Row(string Label, Timing Keygen, Timing Sign, Timing Verify, int PublicKeyBytes, int SignatureBytes);
}
