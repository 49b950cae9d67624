namespace NativeDvt.Grains.Abstractions;

/// <summary>A group slashing as a block carried it: the two conflicting messages, each with the members that signed it.</summary>
/// <param name="IncludedAt">The slot of the block that included it.</param>
/// <param name="Group">The slashed group.</param>
/// <param name="Kind"><c>proposer</c> (two headers of one slot) or <c>attester</c> (a double or surround vote).</param>
/// <param name="First">One side.</param>
/// <param name="Second">The other.</param>
[GenerateSerializer, Immutable, Alias("ndvt.slashing-evidence")]
public sealed record SlashingEvidence(
    [property: Id(0)] ulong IncludedAt,
    [property: Id(1)] ulong Group,
    [property: Id(2)] string Kind,
    [property: Id(3)] SlashingSide First,
    [property: Id(4)] SlashingSide Second);

/// <summary>One of a slashing's two messages.</summary>
/// <param name="Slot">Its slot.</param>
/// <param name="Root">Its signing root's object: the header's or the attestation data's hash_tree_root, 0x-hex.</param>
/// <param name="What">What it says, in words (a block's parent and body; a vote's source, target and head).</param>
/// <param name="Members">The members that signed it (at least m of them, or there would be no slashing).</param>
[GenerateSerializer, Immutable, Alias("ndvt.slashing-side")]
public sealed record SlashingSide(
    [property: Id(0)] ulong Slot,
    [property: Id(1)] string Root,
    [property: Id(2)] string What,
    [property: Id(3)] int[] Members);
