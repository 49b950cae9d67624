using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Shuffling;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.StateTransition.PerBlock;

/// <summary>What every operation of one block needs: the state, the verifier, and per-block constants computed once.</summary>
internal sealed class BlockContext(BeaconState state, ISignatureVerifier verifier, SignatureChecks checks)
{
    private readonly Dictionary<(DomainType, Epoch), Root> _domains = [];
    private readonly Dictionary<AttestationData, Root> _attestationSigningRoots = [];
    private readonly Dictionary<Epoch, EpochShuffling> _shufflings = [];
    private GroupIndex? _proposer;

    public BeaconState State { get; } = CheckScheme(state, verifier);

    public ISignatureVerifier Verifier { get; } = verifier;

    public bool VerifySignatures { get; } = checks == SignatureChecks.Verify;

    /// <summary>A verifier of another scheme than the chain's is a host bug, not an invalid block: it throws.</summary>
    internal static BeaconState CheckScheme(BeaconState state, ISignatureVerifier verifier)
    {
        var config = state.Config;
        if (verifier.SchemeName != config.SchemeName || verifier.Aggregates != config.SchemeAggregates)
        {
            throw new ArgumentException(
                $"the chain uses scheme {config.SchemeName} (aggregates: {config.SchemeAggregates}), the verifier is {verifier.SchemeName} (aggregates: {verifier.Aggregates})",
                nameof(verifier));
        }

        return state;
    }

    /// <summary>get_beacon_proposer_index, once per block.</summary>
    public GroupIndex Proposer => _proposer ??= State.GetBeaconProposerIndex();

    /// <summary>The committees of <paramref name="epoch"/>, looked up once per block.</summary>
    public EpochShuffling Shuffling(Epoch epoch)
    {
        if (!_shufflings.TryGetValue(epoch, out var shuffling))
        {
            shuffling = State.GetShuffling(epoch);
            _shufflings[epoch] = shuffling;
        }

        return shuffling;
    }

    /// <summary>get_domain, memoised per (type, epoch).</summary>
    public Root Domain(DomainType type, Epoch epoch)
    {
        if (!_domains.TryGetValue((type, epoch), out var domain))
        {
            domain = Domains.GetDomain(State.Fork, State.GenesisValidatorsRoot, type, epoch);
            _domains[(type, epoch)] = domain;
        }

        return domain;
    }

    /// <summary>The signing root of <paramref name="data"/>, memoised: a full slot's attestations share one data per committee.</summary>
    public Root AttestationSigningRoot(AttestationData data)
    {
        if (!_attestationSigningRoots.TryGetValue(data, out var root))
        {
            root = Domains.ComputeSigningRoot(SszRoots.Of(data), Domain(Domains.BeaconAttester, data.Target.Epoch));
            _attestationSigningRoots[data] = root;
        }

        return root;
    }

    /// <summary>Asserts that <paramref name="signature"/> is a group signature of at least <paramref name="minSigners"/> members.</summary>
    public void RequireGroupSignature(BlockRule rule, Group group, Epoch keyEpoch, Root signingRoot, GroupSignature signature, int minSigners)
    {
        var bits = signature.ParticipationBits;
        InvalidBlockException.Require(bits.IsWellFormed && bits.Length == group.Size, rule,
            $"participation bits have length {bits.Length}, the group has {group.Size} members");
        InvalidBlockException.Require(bits.Count >= Math.Max(1, minSigners), rule,
            $"{bits.Count} signers, at least {Math.Max(1, minSigners)} needed");
        if (VerifySignatures)
        {
            var failure = GroupSignatures.Check(Verifier, group, keyEpoch, signingRoot, signature, minSigners);
            InvalidBlockException.Require(failure is null, rule, failure ?? string.Empty);
        }
    }
}
