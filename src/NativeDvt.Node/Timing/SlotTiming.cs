using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Node.Timing;

/// <summary>
/// A slot as the node divides it: twelve LEADER_TIMEOUTs (protocol.md section 4), at whose ends its duties fall
/// (<see cref="SlotPhase"/>). Time is the host's: this only turns instants into slots and twelfths and back.
/// </summary>
public sealed class SlotTiming
{
    /// <summary>LEADER_TIMEOUTs per slot.</summary>
    public const int Twelfths = 12;

    /// <summary>The timing of slots of <paramref name="slotDuration"/>.</summary>
    public SlotTiming(TimeSpan slotDuration)
    {
        SlotDuration = slotDuration;
        LeaderTimeout = LeaderTimeoutOf(slotDuration);
    }

    /// <summary>The slot's length.</summary>
    public TimeSpan SlotDuration { get; }

    /// <summary>LEADER_TIMEOUT: a twelfth of the slot, the step between fallback ranks and the finest tick a node asks for.</summary>
    public TimeSpan LeaderTimeout { get; }

    /// <summary>LEADER_TIMEOUT of slots of <paramref name="slotDuration"/> (hosts retick after it when a node asks for a past instant).</summary>
    public static TimeSpan LeaderTimeoutOf(TimeSpan slotDuration) => slotDuration / Twelfths;

    /// <summary>The slot under way at <paramref name="time"/> (time since genesis).</summary>
    public Slot SlotAt(TimeSpan time) => new((ulong)(time.Ticks / SlotDuration.Ticks));

    /// <summary>When <paramref name="slot"/> starts.</summary>
    public TimeSpan StartOf(Slot slot) => SlotDuration * slot.Value;

    /// <summary>Whole twelfths of <paramref name="slot"/> gone by at <paramref name="time"/>: the phase a tick compares with <see cref="SlotPhase"/>.</summary>
    public int TwelfthsInto(Slot slot, TimeSpan time) => (int)((time - StartOf(slot)).Ticks / LeaderTimeout.Ticks);

    /// <summary>The instant <paramref name="twelfths"/> LEADER_TIMEOUTs into <paramref name="slot"/>.</summary>
    public TimeSpan At(Slot slot, int twelfths) => StartOf(slot) + (LeaderTimeout * twelfths);
}
