namespace NativeDvt.Grains.Abstractions;

/// <summary>
/// The devnet file's schedule (its <c>faults:</c>, and <c>network.lateProposers</c> from slot 0), one per cluster (key
/// <see cref="DevnetGrainKeys.Devnet"/>): each entry goes to the fault controls (<see cref="IFaultGrain"/>) at the start of
/// its slot, so it is logged and ledgered like a fault made from the dashboard. How far it got is durable, and an entry is
/// counted before it is sent: after a failover the schedule goes on from there and applies nothing twice.
/// </summary>
public interface IFaultScheduleGrain : IGrainWithStringKey
{
    /// <summary>
    /// Keeps the schedule running (the first silo's keeper calls it every round); returns how many entries it has
    /// applied. Interleaved: it must answer while an entry is being applied, or the keeper's round would wait for it.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<int> EnsureRunningAsync();
}
