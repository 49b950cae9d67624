using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NativeDvt.Crypto.Benchmarks.Bls;

/// <summary>Microseconds per operation, as process CPU time and as wall time (each the fastest batch).</summary>
internal readonly record struct Timing(double Cpu, double Wall)
{
    /// <summary>
    /// Warms up until the JIT has stopped compiling (tiered compilation has replaced the first, unoptimised code: the
    /// compiled-method count unchanged for 500 ms, at least <paramref name="warmUpMs"/> in all), then runs batches of about 100 ms for at
    /// least <paramref name="minMs"/> and keeps the fastest batch by CPU time and, separately, by wall time. CPU time
    /// comes from clock_gettime(CLOCK_PROCESS_CPUTIME_ID) (nanoseconds): <see cref="Process.TotalProcessorTime"/> counts
    /// 10 ms scheduler ticks on Linux, and the minimum over many 100 ms batches then picks the ones that happened to be
    /// under-counted, about 10% in our favour against node's microsecond getrusage figures.
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
        if (OperatingSystem.IsLinux() && ClockGetTime(ProcessCpuTimeClock, out var time) == 0)
        {
            return (time.Seconds * 1e6) + (time.Nanoseconds / 1e3);
        }

        return Process.GetCurrentProcess().TotalProcessorTime.TotalMicroseconds;
    }

    private const int ProcessCpuTimeClock = 2;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
