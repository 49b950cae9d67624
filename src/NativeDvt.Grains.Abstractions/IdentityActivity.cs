namespace NativeDvt.Grains.Abstractions;

/// <summary>What an identity's node did lately: its peers, its gossip per topic, and what it saw slot by slot.</summary>
/// <param name="Identity">The identity's key.</param>
/// <param name="Running">True while its node runs; the rest is empty otherwise.</param>
/// <param name="Peers">Connected libp2p peers.</param>
/// <param name="Topics">Gossip per topic since the node started.</param>
/// <param name="Slots">Its observations from the slot asked for on (the node keeps the last few epochs'), oldest first.</param>
/// <param name="BlockDelayMilliseconds">How long it holds back its block publications (a <c>delay</c> fault), 0 when not.</param>
/// <param name="Profile">Its client profile as the devnet file spells it, after any <c>profile</c> fault.</param>
[GenerateSerializer, Immutable, Alias("ndvt.identity-activity")]
public sealed record IdentityActivity(
    [property: Id(0)] string Identity,
    [property: Id(1)] bool Running,
    [property: Id(2)] int Peers,
    [property: Id(3)] TopicTraffic[] Topics,
    [property: Id(4)] SlotObservation[] Slots,
    [property: Id(5)] int BlockDelayMilliseconds,
    [property: Id(6)] string Profile);
