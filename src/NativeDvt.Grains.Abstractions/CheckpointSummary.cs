namespace NativeDvt.Grains.Abstractions;

/// <summary>A checkpoint as the Beacon API reports it.</summary>
/// <param name="Epoch">The epoch.</param>
/// <param name="Root">The block root, 0x-hex.</param>
[GenerateSerializer, Immutable, Alias("ndvt.checkpoint")]
public sealed record CheckpointSummary([property: Id(0)] ulong Epoch, [property: Id(1)] string Root);
