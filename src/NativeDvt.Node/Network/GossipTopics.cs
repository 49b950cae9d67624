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
        MemberAttestation = Name(digest, "member_attestation");
        GroupAttestation = Name(digest, "group_attestation");
        ProposerSlashing = Name(digest, "group_proposer_slashing");
        AttesterSlashing = Name(digest, "group_attester_slashing");
        All = [BeaconBlock, GroupProposal, FollowSignature, MemberAttestation, GroupAttestation, ProposerSlashing, AttesterSlashing];
    }

    /// <summary>The fork digest, hex.</summary>
    public string ForkDigest { get; }

    /// <summary>Complete blocks (SignedBeaconBlock).</summary>
    public string BeaconBlock { get; }

    /// <summary>Leaders' proposals (GroupProposal).</summary>
    public string GroupProposal { get; }

    /// <summary>Followers' co-signatures (FollowSignature).</summary>
    public string FollowSignature { get; }

    /// <summary>One member's vote (MemberAttestation).</summary>
    public string MemberAttestation { get; }

    /// <summary>Aggregated group votes (GroupAttestation) for proposers.</summary>
    public string GroupAttestation { get; }

    /// <summary>Double-proposal evidence (GroupProposerSlashing).</summary>
    public string ProposerSlashing { get; }

    /// <summary>Double- and surround-vote evidence (GroupAttesterSlashing).</summary>
    public string AttesterSlashing { get; }

    /// <summary>Every topic, in a fixed order.</summary>
    public IReadOnlyList<string> All { get; }

    /// <summary>The short name of a topic ("beacon_block"), or the topic itself if it is not ours.</summary>
    public static string ShortName(string topic)
    {
        var parts = topic.Split('/');
        return parts.Length == 5 && parts[1] == "ndvt" ? parts[3] : topic;
    }

    private static string Name(string digest, string name) => $"/ndvt/{digest}/{name}/ssz_snappy";
}
