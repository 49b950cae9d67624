using System.Runtime.Intrinsics.X86;
using NativeDvt.Crypto.Bls.Lanes;
using NativeDvt.Crypto.Bls.Native;

namespace NativeDvt.Crypto.Benchmarks.Bls;

/// <summary>The CPU and the code path the BLS figures come from, printed with them.</summary>
internal static class MachineDescription
{
    public static string Cpu()
    {
        var model = "unknown CPU";
        var family = string.Empty;
        var number = string.Empty;
        if (File.Exists("/proc/cpuinfo"))
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                var colon = line.IndexOf(':');
                if (colon < 0)
                {
                    continue;
                }

                var key = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                if (key == "model name")
                {
                    model = value;
                }
                else if (key == "cpu family")
                {
                    family = value;
                }
                else if (key == "model")
                {
                    number = value;
                }

                if (key.Length == 0)
                {
                    break;
                }
            }
        }

        var features = string.Join(' ', new[]
        {
            Avx512F.IsSupported ? "AVX-512F" : null,
            Avx2.IsSupported ? "AVX2" : null,
            Bmi2.X64.IsSupported ? "BMI2" : null,
            X86Base.IsSupported && (X86Base.CpuId(7, 0).Ebx & (1 << 19)) != 0 ? "ADX" : null,
        }.Where(f => f is not null));
        return $"{model} (family {family}, model {number}), {Environment.ProcessorCount} logical CPUs, {features}";
    }

    /// <summary>The lane code and the base-field product that ran (native kernel or managed).</summary>
    public static string Path() => $"{FpLanes.PathName}; Fp product: {FpNative.PathName}";
}
