using System.Globalization;
using NativeDvt.Libp2p.Benchmarks;

// Loopback benchmarks of NativeDvt.Libp2p. Run in Release:
//   dotnet run -c Release --project benchmarks/NativeDvt.Libp2p.Benchmarks -- [stack|gossip] [messages] [throughputMessages]
// `stack`: connection setup, ping and one-stream throughput. `gossip`: gossipsub latency along a 5-node
// chain and two-node throughput, C# against js-libp2p in the same run. No argument runs both.
var which = args.Length > 0 ? args[0] : "all";
if (which is "all" or "stack")
{
    await StackBenchmark.RunAsync();
}

if (which is "all" or "gossip")
{
    var messages = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
    var throughput = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
    const int ChainLength = 5;
    const int Size = 200;

    Console.WriteLine($"gossipsub: latency of {messages} 16-byte messages along a {ChainLength}-node chain; throughput of {throughput} {Size}-byte messages between two nodes");
    var csharp = await GossipBenchmark.RunAsync(ChainLength, messages, throughput, Size);
    var js = await JsGossipBenchmark.RunAsync(ChainLength, messages, throughput, Size);
    Console.WriteLine($"{"",-10} {"p50 ms",10} {"p99 ms",10} {"msgs/s",12}");
    Console.WriteLine($"{"C#",-10} {csharp.P50Milliseconds,10:F3} {csharp.P99Milliseconds,10:F3} {csharp.MessagesPerSecond,12:F0}");
    Console.WriteLine($"{"js-libp2p",-10} {js.P50Milliseconds,10:F3} {js.P99Milliseconds,10:F3} {js.MessagesPerSecond,12:F0}");
    Console.WriteLine($"{"C#/js",-10} {csharp.P50Milliseconds / js.P50Milliseconds,10:F2} {csharp.P99Milliseconds / js.P99Milliseconds,10:F2} {csharp.MessagesPerSecond / js.MessagesPerSecond,12:F2}");
}
