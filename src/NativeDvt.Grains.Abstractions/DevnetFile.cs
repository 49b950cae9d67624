namespace NativeDvt.Grains.Abstractions;

/// <summary>A devnet file as read from disk: kept whole, so every host builds the same chain from the same text.</summary>
/// <param name="Path">Where it was read from (for messages).</param>
/// <param name="Text">The YAML.</param>
[GenerateSerializer, Immutable, Alias("ndvt.devnet-file")]
public sealed record DevnetFile([property: Id(0)] string Path, [property: Id(1)] string Text);
