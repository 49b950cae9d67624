using System.Diagnostics;
using System.Globalization;
using NativeDvt.Crypto.Ed25519;
using NativeDvt.Crypto.Insecure;
using NativeDvt.Crypto.Xmss;

namespace NativeDvt.Crypto.Benchmarks.Schemes;

/// <summary>
/// Key generation, signing and verification times of the non-BLS schemes, as a console table.
/// A plain Stopwatch harness: each operation is warmed up, then timed over enough iterations to
/// run for a fraction of a second. Run in Release. Arguments: "--quick" divides the iteration counts by ten.
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
            Measure("ed25519", new Ed25519Scheme(), 32, keygens: 2000 / scale, signatures: 2000 / scale),
            Measure("insecure-fast", new InsecureFastScheme(), 32, keygens: 200_000 / scale, signatures: 200_000 / scale),
            Measure("xmss (in-memory state)", new XmssScheme(new InMemoryXmssStateStore()), XmssParameters.SecretKeyLength, keygens: Math.Max(1, 5 / scale), signatures: 1000 / scale),
        };

        var directory = Path.Combine(Path.GetTempPath(), "ndvt-xmss-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            rows.Add(Measure("xmss (file state, fsync)", new XmssScheme(new FileXmssStateStore(directory)), XmssParameters.SecretKeyLength, keygens: 1, signatures: 1000 / scale));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        Print(rows);
    }

    private static Row Measure(string label, ISignatureScheme scheme, int secretKeyLength, int keygens, int signatures)
    {
        var seed = 0;
        byte[] NextSecretKey() => Enumerable.Range(0, secretKeyLength).Select(i => (byte)(i + (seed++ * 31))).ToArray();

        // Warm-up: JIT and, for XMSS, the first tree.
        var secretKey = NextSecretKey();
        var publicKey = scheme.DerivePublicKey(secretKey);
        var signature = scheme.Sign(secretKey, Message);
        _ = scheme.Verify(publicKey, Message, signature);

        var keygen = Time(keygens, () => scheme.DerivePublicKey(NextSecretKey()));

        // XMSS keys sign at most 1024 times: a fresh key (tree built outside the timing) per 1000 signatures.
        var signingKey = NextSecretKey();
        var signingPublicKey = scheme.DerivePublicKey(signingKey);
        var sign = Time(signatures, () => signature = scheme.Sign(signingKey, Message));
        var verify = Time(signatures, () =>
        {
            if (!scheme.Verify(signingPublicKey, Message, signature))
            {
                throw new InvalidOperationException($"{label}: a fresh signature failed to verify");
            }
        });

        return new Row(label, keygen, sign, verify, publicKey.Length, signature.Length);
    }

    private static TimeSpan Time(int iterations, Action operation)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            operation();
        }

        return stopwatch.Elapsed / iterations;
    }

    private static void Print(List<Row> rows)
    {
        Console.WriteLine($"{"scheme",-26} {"keygen",12} {"sign",12} {"verify",12} {"pk bytes",9} {"sig bytes",10}");
        foreach (var row in rows)
        {
            Console.WriteLine($"{row.Label,-26} {Format(row.Keygen),12} {Format(row.Sign),12} {Format(row.Verify),12} {row.PublicKeyBytes,9} {row.SignatureBytes,10}");
        }

        Console.WriteLine($"{Environment.ProcessorCount} logical cores, .NET {Environment.Version}");
    }

    private static string Format(TimeSpan duration) => duration.TotalMilliseconds >= 1
        ? duration.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms"
        : (duration.TotalMilliseconds * 1000).ToString("0.0", CultureInfo.InvariantCulture) + " us";

    private sealed record Row(string Label, TimeSpan Keygen, TimeSpan Sign, TimeSpan Verify, int PublicKeyBytes, int SignatureBytes);
}
