using System.Globalization;
using NativeDvt.Grains.Abstractions;
using NativeDvt.Grains.Identities;

namespace NativeDvt.Grains.Faults;

/// <summary>
/// Runs the devnet file's schedule (<see cref="IFaultScheduleGrain"/>): a timer four times a second applies every entry
/// whose slot has begun, one at a time. Each is counted durably before it is sent (at most once: a request that timed out
/// may still have been applied, and a rotation twice would be two rotations), so a failover resumes after the last one.
/// An entry the fault controls refuse, or that fails, is logged (<c>schedule-refused</c>, with its line) and skipped.
/// </summary>
[KeepAlive]
public sealed class FaultScheduleGrain(
    [PersistentState("fault-schedule", DevnetGrain.StorageName)] IPersistentState<FaultScheduleState> state,
    SiloDevnets devnets,
    TimeProvider time) : Grain, IFaultScheduleGrain
{
    /// <summary>How often the schedule is looked at: an entry is applied at most this long after its slot starts.</summary>
    public static TimeSpan Period { get; } = TimeSpan.FromMilliseconds(250);

    private IGrainTimer? _timer;
    private IReadOnlyList<ScheduledFault>? _schedule;

    private IDevnetGrain Devnet => GrainFactory.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet);

    /// <inheritdoc />
    public Task<int> EnsureRunningAsync()
    {
        _timer ??= this.RegisterGrainTimer(ApplyDueAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Period) { KeepAlive = true });
        return Task.FromResult(state.State.Applied);
    }

    private async Task ApplyDueAsync(CancellationToken cancellationToken)
    {
        if (await devnets.GetAsync(Devnet) is not { } context)
        {
            return;
        }

        // The file does not change while the devnet runs: read its schedule once per activation, not four times a second.
        var schedule = _schedule ??= ScheduledFault.Of(context.Spec);
        var slot = context.SlotAt(time.GetUtcNow());
        while (state.State.Applied < schedule.Count && schedule[state.State.Applied].Slot <= slot && !cancellationToken.IsCancellationRequested)
        {
            var entry = schedule[state.State.Applied];
            state.State.Applied++;
            await state.WriteStateAsync(cancellationToken);
            string? problem;
            try
            {
                var outcome = await entry.Apply(GrainFactory.GetGrain<IFaultGrain>(DevnetGrainKeys.Devnet));
                problem = outcome.Applied ? null : $"was refused: {outcome.Field}: {outcome.Error}";
            }
            catch (Exception error) when (error is TimeoutException or OrleansException)
            {
                problem = $"failed ({error.GetType().Name}: {error.Message}); it may have been applied in part";
            }

            if (problem is not null)
            {
                var where = entry.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"line {entry.Line}") : "network.lateProposers";
                await Devnet.AppendEventAsync(new DevnetEvent(DevnetEventKinds.ScheduleRefused, slot, "devnet", $"devnet file {where}: {entry.What} {problem}"));
            }
        }

        if (state.State.Applied >= schedule.Count)
        {
            _timer?.Dispose();
        }
    }
}
