using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>
/// The block body. No execution layer: a list of opaque transactions stands for the execution payload.
/// The RANDAO reveal is made by one member, named by <see cref="RandaoMemberIndex"/>.
/// </summary>
[SszContainer(CacheRoots = true)]
public sealed partial record BeaconBlockBody
{
    /// <summary>The acting leader's signature over the epoch (DOMAIN_RANDAO).</summary>
    [SszField(0, Codec = nameof(ConsensusCodecs.Signature))]
    public required Bytes RandaoReveal { get; init; }

    /// <summary>Which member of the proposer group made <see cref="RandaoReveal"/>.</summary>
    [SszField(1)]
    public ulong RandaoMemberIndex { get; init; }

    /// <summary>32 bytes of free text.</summary>
    [SszField(2)]
    public Root Graffiti { get; init; }

    /// <summary>Double-proposal evidence.</summary>
    [SszField(3)]
    [SszList(nameof(Preset.MaxProposerSlashings))]
    public IReadOnlyList<GroupProposerSlashing> ProposerSlashings { get; init; } = [];

    /// <summary>Double- and surround-vote evidence.</summary>
    [SszField(4)]
    [SszList(nameof(Preset.MaxAttesterSlashings))]
    public IReadOnlyList<GroupAttesterSlashing> AttesterSlashings { get; init; } = [];

    /// <summary>Group attestations.</summary>
    [SszField(5, Codec = nameof(AttestationsCodec))]
    public IReadOnlyList<GroupAttestation> Attestations { get; init; } = [];

    /// <summary>New groups.</summary>
    [SszField(6)]
    [SszList(nameof(Preset.MaxRegistrations))]
    public IReadOnlyList<SignedRegistration> Registrations { get; init; } = [];

    /// <summary>Member key rotations.</summary>
    [SszField(7)]
    [SszList(nameof(Preset.MaxKeyRotations))]
    public IReadOnlyList<SignedKeyRotation> KeyRotations { get; init; } = [];

    /// <summary>Opaque transactions standing for the execution payload; their total size is capped by the chain config.</summary>
    [SszField(8, Codec = nameof(ConsensusCodecs.Transactions))]
    public IReadOnlyList<Bytes> Transactions { get; init; } = [];
}
