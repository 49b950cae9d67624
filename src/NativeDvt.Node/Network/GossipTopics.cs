using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;

namespace NativeDvt.Node.Network;

/// <summary>
/// Topic names, shaped like Ethereum's: <c>/ndvt/&lt;forkDigest&gt;/&lt;name&gt;/ssz_snappy</c>, where the fork digest is the
/// first 4 bytes of compute_fork_data_root(current_version, genesis_validators_root).
/// </summary>
public sealed class GossipTopics
{
    /// <summary>Topics of the fork <paramref name="version"/> of the chain with <paramref name="genesisValidatorsRoot"/>.</summary>
    public GossipTopics(ForkVersion version, Root genesisValidatorsRoot)
    {
        var digest = Convert.ToHexStringLower(Domains.ComputeForkDataRoot(version, genesisValidatorsRoot).ToArray().AsSpan(0, 4));
        ForkDigest = digest;
        BeaconBlock = Name(digest, "beacon_block");
        GroupProposal = Name(digest, "group_proposal");
        FollowSignature = Name(digest, "follow_signature");
        MemberAttestationPrefix = $"/ndvt/{digest}/member_attestation_";
        GroupAttestation = Name(digest, "group_attestation");
        ProposerSlashing = Name(digest, "group_proposer_slashing");
        AttesterSlashing = Name(digest, "group_attester_slashing");
        KeyRotation = Name(digest, "key_rotation");
        InclusionList = Name(digest, "inclusion_list");
        InclusionListProposalPrefix = $"/ndvt/{digest}/inclusion_list_proposal_";
        InclusionListFollowPrefix = $"/ndvt/{digest}/inclusion_list_follow_";
        All = [BeaconBlock, GroupProposal, FollowSignature, GroupAttestation, ProposerSlashing, AttesterSlashing, InclusionList, KeyRotation];
    }

    /// <summary>The fork digest, hex.</summary>
    public string ForkDigest { get; }

    /// <summary>Complete blocks (SignedBeaconBlock).</summary>
    public string BeaconBlock { get; }

    /// <summary>Leaders' proposals (GroupProposal).</summary>
    public string GroupProposal { get; }

    /// <summary>Followers' co-signatures (FollowSignature).</summary>
    public string FollowSignature { get; }

    /// <summary>ATTESTATION_SUBNET_COUNT: member votes travel on one of this many subnets, by group.</summary>
    public const int AttestationSubnetCount = 64;

    /// <summary>
    /// The subnet topic of a group's member votes (MemberAttestation): only that group's members (its aggregators)
    /// subscribe; everyone else learns the votes from group attestations, as Ethereum nodes learn them from aggregates.
    /// </summary>
    public string MemberAttestation(ulong group) => $"{MemberAttestationPrefix}{group % AttestationSubnetCount}/ssz_snappy";

    /// <summary>True for any member-attestation subnet topic.</summary>
    public bool IsMemberAttestation(string topic) => topic.StartsWith(MemberAttestationPrefix, StringComparison.Ordinal);

    /// <summary>Aggregated group votes (GroupAttestation) for proposers.</summary>
    public string GroupAttestation { get; }

    /// <summary>Double-proposal evidence (GroupProposerSlashing).</summary>
    public string ProposerSlashing { get; }

    /// <summary>Double- and surround-vote evidence (GroupAttesterSlashing).</summary>
    public string AttesterSlashing { get; }

    /// <summary>Key rotations (SignedKeyRotation): members' shares with one signer, and complete ones with at least m.</summary>
    public string KeyRotation { get; }
    /// <summary>Complete inclusion lists (SignedInclusionList).</summary>
    public string InclusionList { get; }

    /// <summary>
    /// The subnet of a group's inclusion-list proposals (InclusionListProposal): only the group's members need them
    /// (everyone else waits for the complete list), so only they subscribe; same numbering as the attestation subnets.
    /// </summary>
    public string InclusionListProposal(ulong group) => $"{InclusionListProposalPrefix}{group % AttestationSubnetCount}/ssz_snappy";

    /// <summary>The subnet of a group's inclusion-list co-signatures (InclusionListFollow).</summary>
    public string InclusionListFollow(ulong group) => $"{InclusionListFollowPrefix}{group % AttestationSubnetCount}/ssz_snappy";

    /// <summary>True for any inclusion-list proposal subnet topic.</summary>
    public bool IsInclusionListProposal(string topic) => topic.StartsWith(InclusionListProposalPrefix, StringComparison.Ordinal);

    /// <summary>True for any inclusion-list follow subnet topic.</summary>
    public bool IsInclusionListFollow(string topic) => topic.StartsWith(InclusionListFollowPrefix, StringComparison.Ordinal);

    /// <summary>Every topic every node subscribes to (not the member-attestation subnets), in a fixed order.</summary>
    public IReadOnlyList<string> All { get; }

    private string MemberAttestationPrefix { get; }

    private string InclusionListProposalPrefix { get; }

    private string InclusionListFollowPrefix { get; }

    /// <summary>The short name of a topic ("beacon_block"); subnets keep their number ("member_attestation_3").</summary>
    public static string ShortName(string topic)
    {
        var parts = topic.Split('/');
        return parts.Length == 5 && parts[1] == "ndvt" ? parts[3] : topic;
    }

    private static string Name(string digest, string name) => $"/ndvt/{digest}/{name}/ssz_snappy";
}
