namespace NativeDvt.Grains.Abstractions;

/// <summary>A group of the devnet: its members, what the chain says of it, and its slashings and key rotations from the event log.</summary>
/// <param name="Index">The group's registry index.</param>
/// <param name="N">Members.</param>
/// <param name="M">Threshold.</param>
/// <param name="Members">Each member's identity and whether its node runs.</param>
/// <param name="ReadFrom">The identity whose node the chain fields were read from; null when no node runs.</param>
/// <param name="Chain">The group on chain as <paramref name="ReadFrom"/>'s head records it; null when no node runs.</param>
/// <param name="Slashings">The event log's slashings of the group.</param>
/// <param name="KeyRotations">The event log's key rotations of its members.</param>
[GenerateSerializer, Immutable, Alias("ndvt.group-summary")]
public sealed record GroupSummary(
    [property: Id(0)] ulong Index,
    [property: Id(1)] int N,
    [property: Id(2)] int M,
    [property: Id(3)] GroupMemberSummary[] Members,
    [property: Id(4)] string? ReadFrom,
    [property: Id(5)] GroupChainView? Chain,
    [property: Id(6)] DevnetEvent[] Slashings,
    [property: Id(7)] DevnetEvent[] KeyRotations);
