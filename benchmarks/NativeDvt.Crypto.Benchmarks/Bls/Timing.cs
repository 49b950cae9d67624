using System.Diagnostics;

namespace NativeDvt.Crypto.Benchmarks.Bls;

/// <summary>Microseconds per operation, as process CPU time and as wall time (each the fastest batch).</summary>
internal readonly record struct Timing(double Cpu, double Wall)
{
    /// <summary>
    /// Warms up until the JIT has stopped compiling (tiered compilation has replaced the first, unoptimised code: the
    /// compiled-method count unchanged for 500 ms, at least <paramref name="warmUpMs"/> in all), then runs batches of about 100 ms for at
    /// least <paramref name="minMs"/> and keeps the fastest batch by CPU time and, separately, by wall time. Both are
    /// reported: CPU time is steadier on a shared machine, wall time is what a caller waits for, and blst is timed the
    /// same way by bench.mjs.
    /// </summary>
    public static Timing Measure(int minMs, Action action, int perCall = 1, int warmUpMs = 1500)
    {
        var warmUp = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        var stableSince = warmUp.ElapsedMilliseconds;
        while (warmUp.ElapsedMilliseconds < warmUpMs || (warmUp.ElapsedMilliseconds - stableSince < 500 && warmUp.ElapsedMilliseconds < 10_000))
        {
            action();
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                stableSince = warmUp.ElapsedMilliseconds;
            }
        }

        var bestCpu = double.MaxValue;
        var bestWall = double.MaxValue;
        var total = Stopwatch.StartNew();
        do
        {
            var n = 0;
            var cpuStart = CpuMicroseconds();
            var batch = Stopwatch.StartNew();
            do
            {
                action();
                n++;
            }
            while (batch.ElapsedMilliseconds < 100);
            var wall = batch.Elapsed.TotalMicroseconds;
            bestCpu = Math.Min(bestCpu, (CpuMicroseconds() - cpuStart) / n / perCall);
            bestWall = Math.Min(bestWall, wall / n / perCall);
        }
        while (total.ElapsedMilliseconds < minMs);
        return new Timing(bestCpu, bestWall);
    }

    private static double CpuMicroseconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMicroseconds;
    }
}
