namespace NativeDvt.Grains.Abstractions;

/// <summary>What an identity's node reports about itself.</summary>
/// <param name="Identity">The identity's key (<see cref="IdentityKeys"/>).</param>
/// <param name="Running">True while its node runs.</param>
/// <param name="PeerId">Its libp2p peer id (kept across moves between silos).</param>
/// <param name="Address">The multiaddr it listens on, with its peer id; null while stopped.</param>
/// <param name="HeadSlot">The slot of its fork-choice head.</param>
/// <param name="HeadRoot">The head's root, 0x-hex.</param>
/// <param name="PreviousJustified">The head state's previous justified checkpoint.</param>
/// <param name="Justified">The head state's current justified checkpoint.</param>
/// <param name="Finalized">The head state's finalized checkpoint (the Beacon API's finality_checkpoints of state "head").</param>
/// <param name="HaltReason">Why it stopped signing (its signing records could not be made durable), or null.</param>
/// <param name="Silo">The silo that hosts it.</param>
[GenerateSerializer, Immutable, Alias("ndvt.identity-status")]
public sealed record IdentityStatus(
    [property: Id(0)] string Identity,
    [property: Id(1)] bool Running,
    [property: Id(2)] string PeerId,
    [property: Id(3)] string? Address,
    [property: Id(4)] ulong HeadSlot,
    [property: Id(5)] string HeadRoot,
    [property: Id(6)] CheckpointSummary PreviousJustified,
    [property: Id(7)] CheckpointSummary Justified,
    [property: Id(8)] CheckpointSummary Finalized,
    [property: Id(9)] string? HaltReason,
    [property: Id(10)] string Silo);
