namespace NativeDvt.Grains.Abstractions;

/// <summary>What a silo hands the devnet grain at start: the devnet file and the genesis time it proposes.</summary>
/// <param name="File">The devnet file's path and text.</param>
/// <param name="GenesisTime">Genesis in unix seconds; only the first start's counts.</param>
[GenerateSerializer, Immutable, Alias("ndvt.devnet-start")]
public sealed record DevnetStart([property: Id(0)] DevnetFile File, [property: Id(1)] ulong GenesisTime);
