using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.SlashingProtection;
using NativeDvt.Crypto;
using NativeDvt.Node.Events;
using NativeDvt.Node.Pools;
using NativeDvt.Node.Profiles;

namespace NativeDvt.Node.Duties;

/// <summary>
/// One member key a node serves: its signer (with slashing protection) and the state of its duties. The view it
/// acts on (blocks, fork choice, pools) belongs to the node and is shared by every identity the node serves.
/// </summary>
internal sealed class LocalIdentity
{
    public LocalIdentity(IdentityOptions options, ISignatureScheme scheme, Root genesisValidatorsRoot)
    {
        Id = options.Identity;
        Profile = options.Profile;
        Graffiti = options.Graffiti;
        Signer = new MemberSigner(scheme, options.SecretKey, new SlashingProtector(options.ProtectionStore, genesisValidatorsRoot));
    }

    public MemberId Id { get; }

    public GroupIndex Group => Id.Group;

    public int Member => Id.Member;

    public ClientProfile Profile { get; }

    public Root Graffiti { get; }

    public MemberSigner Signer { get; }

    public bool IsEquivocator => Profile.Kind == ClientProfileKind.Equivocator;

    /// <summary>The group's attestation slot and committee this epoch, recomputed every slot on the head's state.</summary>
    public (Slot Slot, CommitteeIndex Index)? AttesterDuty { get; set; }

    public HashSet<Slot> Attested { get; } = [];

    public HashSet<Slot> Aggregated { get; } = [];

    /// <summary>Member votes of this identity's group per slot and data, for its aggregator duty.</summary>
    public Dictionary<Slot, Dictionary<Root, VoteTally>> Tallies { get; } = [];

    /// <summary>The previous head (bug-wrong-head-after-reorg profile).</summary>
    public Root? LastHead { get; set; }

    /// <summary>The head the bug-wrong-head-after-reorg profile keeps voting for.</summary>
    public Root? StuckHead { get; set; }
}
