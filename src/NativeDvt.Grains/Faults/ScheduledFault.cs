using System.Globalization;
using NativeDvt.Devnet;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Faults;

/// <summary>
/// One entry of a devnet file's schedule as the Orleans devnet runs it: at <see cref="Slot"/> (its start), one request
/// to the fault controls (<see cref="IFaultGrain"/>).
/// </summary>
/// <param name="Slot">When.</param>
/// <param name="Line">Where the file says it (0 for what the file's network section implies).</param>
/// <param name="What">The request as the log will say it, e.g. <c>crash g0/m0</c>.</param>
/// <param name="Apply">Makes the request.</param>
public sealed record ScheduledFault(ulong Slot, int Line, string What, Func<IFaultGrain, Task<FaultOutcome>> Apply)
{
    /// <summary>
    /// The devnet file's <c>faults:</c> in slot order (the file's order within a slot), after the late proposers of
    /// <c>network.lateProposers</c> at slot 0. A crash is a stop and a restart a start: the node's durable state (host
    /// key, signing records) survives, as in the simulator.
    /// </summary>
    public static IReadOnlyList<ScheduledFault> Of(DevnetSpec spec)
    {
        var late = spec.Network.LateProposers.Select(p =>
        {
            var milliseconds = (int)p.Delay.TotalMilliseconds;
            return new ScheduledFault(0, 0, string.Create(CultureInfo.InvariantCulture, $"late proposers {p.Groups.Text}: {milliseconds} ms"), f => f.DelayAsync(p.Groups.Text, milliseconds));
        });
        var faults = spec.Faults
            .Select((fault, order) => (fault, order))
            .OrderBy(x => x.fault.Slot).ThenBy(x => x.order)
            .Select(x => Of(x.fault));
        return [.. late, .. faults];
    }

    private static ScheduledFault Of(FaultSpec fault)
    {
        var targets = fault.Targets.Select(t => t.Text).ToArray();
        return fault.Kind switch
        {
            FaultKind.Crash => new(fault.Slot, fault.Line, $"crash {targets[0]}", f => f.StopAsync(targets[0])),
            FaultKind.Restart => new(fault.Slot, fault.Line, $"restart {targets[0]}", f => f.StartAsync(targets[0])),
            FaultKind.Partition => new(fault.Slot, fault.Line, $"partition {string.Join(" | ", targets)}", f => f.PartitionAsync(targets)),
            FaultKind.Heal => new(fault.Slot, fault.Line, "heal", f => f.HealAsync()),
            FaultKind.Rotate => new(fault.Slot, fault.Line, $"rotate {targets[0]}", f => f.RotateAsync(targets[0])),
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, "not a fault the devnet schedules"),
        };
    }
}
