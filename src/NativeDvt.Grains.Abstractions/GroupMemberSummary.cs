namespace NativeDvt.Grains.Abstractions;

/// <summary>One member of a group: its identity and where its node runs.</summary>
/// <param name="Identity">The identity's key (<see cref="IdentityKeys"/>).</param>
/// <param name="Member">Its index in the group.</param>
/// <param name="Profile">Its client profile as the devnet file spells it (<c>honest</c>, <c>late 700ms</c>, ...).</param>
/// <param name="Running">True while its node runs.</param>
/// <param name="Silo">The silo that hosts its grain.</param>
/// <param name="Pubkey">Its latest key on chain, 0x-hex; empty when no node could be read.</param>
[GenerateSerializer, Immutable, Alias("ndvt.group-member")]
public sealed record GroupMemberSummary(
    [property: Id(0)] string Identity,
    [property: Id(1)] int Member,
    [property: Id(2)] string Profile,
    [property: Id(3)] bool Running,
    [property: Id(4)] string Silo,
    [property: Id(5)] string Pubkey);
