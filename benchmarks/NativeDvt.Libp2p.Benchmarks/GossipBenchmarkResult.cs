namespace NativeDvt.Libp2p.Benchmarks;

internal sealed record GossipBenchmarkResult(double P50Milliseconds, double P99Milliseconds, double MessagesPerSecond);
