namespace NativeDvt.Grains.Abstractions;

/// <summary>One entry of the devnet's event log.</summary>
/// <param name="Kind">What happened; one of <see cref="DevnetEventKinds"/> or a new kebab-case word.</param>
/// <param name="Slot">The slot it happened in, when it belongs to one.</param>
/// <param name="Who">Whom it concerns: <c>g3/m1</c> for a member, <c>g3</c> for a group, a silo's name.</param>
/// <param name="Details">One human-readable line.</param>
/// <param name="At">When the devnet's log took it (the devnet grain stamps it; senders leave it unset).</param>
/// <param name="Subjects">The identity keys it concerns, for entries about several (a fault's); null otherwise.</param>
[GenerateSerializer, Immutable, Alias("ndvt.devnet-event")]
public sealed record DevnetEvent(
    [property: Id(0)] string Kind,
    [property: Id(1)] ulong? Slot,
    [property: Id(2)] string Who,
    [property: Id(3)] string Details,
    [property: Id(4)] DateTimeOffset At = default,
    [property: Id(5)] string[]? Subjects = null)
{
    /// <summary>True when <paramref name="other"/> reports the same thing, whenever it was taken.</summary>
    public bool SameAs(DevnetEvent other) =>
        this with { At = default, Subjects = null } == other with { At = default, Subjects = null }
        && (Subjects ?? []).SequenceEqual(other.Subjects ?? [], StringComparer.Ordinal);
}
