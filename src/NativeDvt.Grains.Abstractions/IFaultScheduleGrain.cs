namespace NativeDvt.Grains.Abstractions;

/// <summary>
/// The devnet file's schedule (its <c>faults:</c>, and <c>network.lateProposers</c> from slot 0), one per cluster (key
/// <see cref="DevnetGrainKeys.Devnet"/>): each entry goes to the fault controls (<see cref="IFaultGrain"/>) at the start of
/// its slot, so it is logged and ledgered like a fault made from the dashboard. How far it got is durable: after a failover
/// it goes on from there and applies nothing twice.
/// </summary>
public interface IFaultScheduleGrain : IGrainWithStringKey
{
    /// <summary>Keeps the schedule running (the keepers call it every round); returns how many entries it has applied.</summary>
    Task<int> EnsureRunningAsync();
}
