using NativeDvt.Crypto.Benchmarks.Bls;
using NativeDvt.Crypto.Benchmarks.Schemes;

// Each suite is a name on the command line: `dotnet run -c Release --project benchmarks/NativeDvt.Crypto.Benchmarks -- bls`.
var suites = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["bls"] = BlsBenchmark.Run,
    ["bls-primitives"] = BlsPrimitivesBenchmark.Run,
    ["schemes"] = a =>
    {
        SchemesBenchmark.Run(a);
        return 0;
    },
};

if (args.Length == 0 || !suites.TryGetValue(args[0], out var suite))
{
    Console.WriteLine($"usage: NativeDvt.Crypto.Benchmarks <suite> [options]; suites: {string.Join(", ", suites.Keys)}");
    return args.Length == 0 ? 0 : 2;
}

return suite(args[1..]);
