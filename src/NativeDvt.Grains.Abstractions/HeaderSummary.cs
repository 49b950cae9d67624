namespace NativeDvt.Grains.Abstractions;

/// <summary>
/// A block header as the Beacon API's /eth/v1/beacon/headers reports it (the proposer index is the group's). Signature
/// is the group signature's SSZ; MemberSignature the first signer's own, which fits the standard's one signature
/// (96 zero bytes for genesis, which nobody signed).
/// </summary>
[GenerateSerializer, Immutable, Alias("ndvt.header")]
public sealed record HeaderSummary(
    [property: Id(0)] string Root,
    [property: Id(1)] bool Canonical,
    [property: Id(2)] ulong Slot,
    [property: Id(3)] ulong ProposerIndex,
    [property: Id(4)] string ParentRoot,
    [property: Id(5)] string StateRoot,
    [property: Id(6)] string BodyRoot,
    [property: Id(7)] string Signature,
    [property: Id(8)] string MemberSignature);
