namespace NativeDvt.Devnet;

/// <summary>A one-way latency distribution.</summary>
/// <param name="Kind">The distribution's shape.</param>
/// <param name="A">fixed: the delay; uniform: the minimum; lognormal: the median.</param>
/// <param name="B">fixed: unused; uniform: the maximum; lognormal: the 99th percentile.</param>
public sealed record LatencySpec(LatencyKind Kind, TimeSpan A, TimeSpan B)
{
    /// <summary>A fixed 50 ms.</summary>
    public static readonly LatencySpec Default = new(LatencyKind.Fixed, TimeSpan.FromMilliseconds(50), TimeSpan.Zero);
}
