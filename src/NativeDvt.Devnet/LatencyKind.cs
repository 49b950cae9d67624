namespace NativeDvt.Devnet;

/// <summary>Shapes of latency distribution.</summary>
public enum LatencyKind
{
    /// <summary>Every message takes the same time.</summary>
    Fixed,

    /// <summary>Uniform between a minimum and a maximum.</summary>
    Uniform,

    /// <summary>Log-normal, given by its median and 99th percentile: a long tail like a real network's.</summary>
    LogNormal,
}
