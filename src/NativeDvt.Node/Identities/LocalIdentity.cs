using NativeDvt.Consensus.Primitives;
using NativeDvt.Crypto;
using NativeDvt.Node.Aggregation;
using NativeDvt.Node.Events;
using NativeDvt.Node.Profiles;
using NativeDvt.Node.Signing;

namespace NativeDvt.Node.Identities;

/// <summary>
/// One member key a node serves: its signer (with slashing protection) and the state of its duties. The view it
/// acts on (blocks, fork choice, pools) belongs to the node and is shared by every identity the node serves.
/// </summary>
internal sealed class LocalIdentity
{
    public LocalIdentity(IdentityOptions options, ISignatureScheme scheme, SigningJournal journal, Root genesisValidatorsRoot)
    {
        Id = options.Identity;
        Profile = options.Profile;
        Graffiti = options.Graffiti;
        Signer = new MemberSigner(scheme, options.SecretKey, journal, genesisValidatorsRoot);
        foreach (var key in options.HeldKeys)
        {
            Signer.AddKey(key);
        }
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

    /// <summary>Keys this identity rotated to on its own as its stateful key ran low (the host's key generation).</summary>
    public int AutomaticRotations { get; set; }

    /// <summary>The epoch of the identity's last automatic rotation start; no other starts while it may still land.</summary>
    public Epoch? AutomaticRotationStarted { get; set; }

    /// <summary>The previous head (bug-wrong-head-after-reorg profile).</summary>
    public Root? LastHead { get; set; }

    /// <summary>The head the bug-wrong-head-after-reorg profile keeps voting for.</summary>
    public Root? StuckHead { get; set; }
}
