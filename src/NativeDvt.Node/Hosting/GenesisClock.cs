namespace NativeDvt.Node.Hosting;

/// <summary>
/// A chain's time since genesis on a <see cref="TimeProvider"/>, the time a host hands a <see cref="DvtNode"/>.
/// Anchored once on the monotonic timestamp, so wall-clock steps after construction do not move it.
/// </summary>
public sealed class GenesisClock
{
    private readonly TimeProvider _time;
    private readonly long _genesisTimestamp;

    /// <param name="time">The clock; nothing else is read.</param>
    /// <param name="genesisTime">The chain's genesis instant on <paramref name="time"/>'s UTC clock.</param>
    public GenesisClock(TimeProvider time, DateTimeOffset genesisTime)
    {
        _time = time;
        var sinceGenesis = time.GetUtcNow() - genesisTime;
        _genesisTimestamp = time.GetTimestamp() - (long)(sinceGenesis.TotalSeconds * time.TimestampFrequency);
    }

    /// <summary>Time since genesis (negative before it).</summary>
    public TimeSpan SinceGenesis => _time.GetElapsedTime(_genesisTimestamp);

    /// <summary>The node's time: time since genesis, zero before genesis (so a node can subscribe and wait for genesis).</summary>
    public TimeSpan Now => SinceGenesis is var since && since > TimeSpan.Zero ? since : TimeSpan.Zero;
}
