namespace NativeDvt.Grains.Abstractions;

/// <summary>Genesis as the Beacon API's <c>/eth/v1/beacon/genesis</c> reports it.</summary>
/// <param name="GenesisTime">Unix seconds of slot 0: the slot clock's anchor.</param>
/// <param name="GenesisValidatorsRoot">hash_tree_root of the genesis registry, 0x-prefixed lowercase hex.</param>
/// <param name="GenesisForkVersion">The genesis fork version, 0x-prefixed (4 bytes).</param>
/// <param name="SecondsPerSlot">The slot length (the devnet file's, else the preset's).</param>
/// <param name="SlotsPerEpoch">The preset's SLOTS_PER_EPOCH.</param>
/// <param name="DevnetName">The devnet file's name.</param>
/// <param name="Scheme">The member keys' signature scheme (Bls, Ed25519, Xmss).</param>
[GenerateSerializer, Immutable, Alias("ndvt.genesis-summary")]
public sealed record GenesisSummary(
    [property: Id(0)] ulong GenesisTime,
    [property: Id(1)] string GenesisValidatorsRoot,
    [property: Id(2)] string GenesisForkVersion,
    [property: Id(3)] double SecondsPerSlot,
    [property: Id(4)] ulong SlotsPerEpoch,
    [property: Id(5)] string DevnetName,
    [property: Id(6)] string Scheme);
