using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Types;

/// <summary>
/// The block body. No execution layer: a list of opaque transactions stands for the execution payload.
/// The RANDAO reveal is made by one member, named by <see cref="RandaoMemberIndex"/>.
/// </summary>
public sealed partial record BeaconBlockBody
{
    /// <summary>The acting leader's signature over the epoch (DOMAIN_RANDAO).</summary>
    public required Bytes RandaoReveal { get; init; }

    /// <summary>Which member of the proposer group made <see cref="RandaoReveal"/>.</summary>
    public ulong RandaoMemberIndex { get; init; }

    /// <summary>32 bytes of free text.</summary>
    public Root Graffiti { get; init; }

    /// <summary>Double-proposal evidence.</summary>
    public IReadOnlyList<GroupProposerSlashing> ProposerSlashings { get; init; } = [];

    /// <summary>Double- and surround-vote evidence.</summary>
    public IReadOnlyList<GroupAttesterSlashing> AttesterSlashings { get; init; } = [];

    /// <summary>Group attestations.</summary>
    public IReadOnlyList<GroupAttestation> Attestations { get; init; } = [];

    /// <summary>New groups.</summary>
    public IReadOnlyList<SignedRegistration> Registrations { get; init; } = [];

    /// <summary>Member key rotations.</summary>
    public IReadOnlyList<SignedKeyRotation> KeyRotations { get; init; } = [];

    /// <summary>Opaque transactions standing for the execution payload; their total size is capped by the chain config.</summary>
    public IReadOnlyList<Bytes> Transactions { get; init; } = [];
}
