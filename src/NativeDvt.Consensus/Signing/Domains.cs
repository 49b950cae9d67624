using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.Signing;

/// <summary>
/// Domain types, one per kind of signed message, and the spec's compute_domain / compute_signing_root.
/// Phase0 values are kept; group-specific messages use 0x10.. so they never collide with Ethereum's.
/// </summary>
public static class Domains
{
    /// <summary>DOMAIN_BEACON_PROPOSER: blocks, headers, leader and follow signatures (all over the same block root).</summary>
    public static readonly DomainType BeaconProposer = new(0x00, 0x00, 0x00, 0x00);

    /// <summary>DOMAIN_BEACON_ATTESTER: member and group attestations.</summary>
    public static readonly DomainType BeaconAttester = new(0x01, 0x00, 0x00, 0x00);

    /// <summary>DOMAIN_RANDAO: the leader's reveal over the epoch.</summary>
    public static readonly DomainType Randao = new(0x02, 0x00, 0x00, 0x00);

    /// <summary>DOMAIN_DEPOSIT: group registrations, fork-agnostic like Ethereum deposits.</summary>
    public static readonly DomainType Registration = new(0x03, 0x00, 0x00, 0x00);

    /// <summary>DOMAIN_SELECTION_PROOF: aggregator selection.</summary>
    public static readonly DomainType SelectionProof = new(0x05, 0x00, 0x00, 0x00);

    /// <summary>DOMAIN_AGGREGATE_AND_PROOF: an aggregator's signed group attestations.</summary>
    public static readonly DomainType AggregateAndProof = new(0x06, 0x00, 0x00, 0x00);

    /// <summary>Member key rotations.</summary>
    public static readonly DomainType KeyRotation = new(0x10, 0x00, 0x00, 0x00);

    /// <summary>Inclusion lists.</summary>
    public static readonly DomainType InclusionList = new(0x11, 0x00, 0x00, 0x00);

    /// <summary>compute_fork_data_root(current_version, genesis_validators_root).</summary>
    public static Root ComputeForkDataRoot(ForkVersion version, Root genesisValidatorsRoot)
    {
        Span<byte> chunk = stackalloc byte[32];
        version.CopyTo(chunk);
        return Hashing.Hash(new Root(chunk), genesisValidatorsRoot);
    }

    /// <summary>compute_domain(domain_type, fork_version, genesis_validators_root).</summary>
    public static Root ComputeDomain(DomainType domainType, ForkVersion version, Root genesisValidatorsRoot)
    {
        Span<byte> domain = stackalloc byte[32];
        ComputeForkDataRoot(version, genesisValidatorsRoot).CopyTo(domain);
        domain[28..].Clear();
        domain[..28].CopyTo(domain[4..]);
        domainType.CopyTo(domain);
        return new Root(domain);
    }

    /// <summary>get_domain(state, domain_type, epoch): the fork version in force at <paramref name="epoch"/>.</summary>
    public static Root GetDomain(Fork fork, Root genesisValidatorsRoot, DomainType domainType, Epoch epoch)
    {
        var version = epoch < fork.Epoch ? fork.PreviousVersion : fork.CurrentVersion;
        return ComputeDomain(domainType, version, genesisValidatorsRoot);
    }

    /// <summary>compute_signing_root: hash_tree_root(SigningData(object_root, domain)).</summary>
    public static Root ComputeSigningRoot(Root objectRoot, Root domain) => Hashing.Hash(objectRoot, domain);
}
