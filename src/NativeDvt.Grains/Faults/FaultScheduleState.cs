namespace NativeDvt.Grains.Faults;

/// <summary>How far the devnet file's schedule got.</summary>
[GenerateSerializer, Alias("ndvt.fault-schedule-state")]
public sealed class FaultScheduleState
{
    /// <summary>How many entries were applied (or refused and logged): the next one to apply.</summary>
    [Id(0)]
    public int Applied { get; set; }
}
