namespace NativeDvt.Grains.Abstractions;

/// <summary>Genesis as the Beacon API's <c>/eth/v1/beacon/genesis</c> reports it.</summary>
/// <param name="GenesisTime">Unix seconds of slot 0: the slot clock's anchor.</param>
/// <param name="GenesisValidatorsRoot">hash_tree_root of the genesis registry, 0x-prefixed lowercase hex.</param>
/// <param name="GenesisForkVersion">The genesis fork version, 0x-prefixed (4 bytes).</param>
[GenerateSerializer, Immutable, Alias("ndvt.genesis-summary")]
public sealed record GenesisSummary(
    [property: Id(0)] ulong GenesisTime,
    [property: Id(1)] string GenesisValidatorsRoot,
    [property: Id(2)] string GenesisForkVersion);
