using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.SlashingProtection;
using NativeDvt.Consensus.Types;
using NativeDvt.Crypto;

namespace NativeDvt.Node.Duties;

/// <summary>
/// One member key and its slashing protection: every block or attestation signature is recorded in the
/// protection store before it is produced (EIP-3076), every inclusion-list signature in an in-memory record
/// (one list per slot). The RANDAO reveal is not slashable and is signed freely.
/// </summary>
public sealed class MemberSigner
{
    private readonly ISignatureScheme _scheme;
    private readonly SlashingProtector _protector;
    private readonly InclusionListProtection _inclusionLists = new();
    private readonly List<(byte[] PublicKey, byte[] SecretKey)> _keys = [];
    private byte[] _secretKey;

    /// <summary>A signer for <paramref name="secretKey"/> whose history lives in <paramref name="protector"/>.</summary>
    public MemberSigner(ISignatureScheme scheme, byte[] secretKey, SlashingProtector protector)
    {
        _scheme = scheme;
        _secretKey = secretKey;
        _protector = protector;
        PublicKey = scheme.DerivePublicKey(secretKey);
        _keys.Add((PublicKey, secretKey));
    }

    /// <summary>The public key the member signs with now.</summary>
    public byte[] PublicKey { get; private set; }

    /// <summary>Holds a further key (a key rotation's new key); the signer keeps its current key until <see cref="UseKey"/>.</summary>
    public byte[] AddKey(byte[] secretKey)
    {
        var publicKey = _scheme.DerivePublicKey(secretKey);
        _keys.Add((publicKey, secretKey));
        return publicKey;
    }

    /// <summary>Signs with the held key whose public key is <paramref name="publicKey"/> from now on; false when it holds none.</summary>
    public bool UseKey(ReadOnlySpan<byte> publicKey)
    {
        foreach (var (pub, secret) in _keys)
        {
            if (publicKey.SequenceEqual(pub))
            {
                (PublicKey, _secretKey) = (pub, secret);
                return true;
            }
        }

        return false;
    }

    /// <summary>Signs a message no protection rule covers (RANDAO reveal).</summary>
    public Bytes SignUnprotected(Root signingRoot) => Bytes.Wrap(_scheme.Sign(_secretKey, signingRoot.ToArray()));

    /// <summary>
    /// Signs a block's signing root if slashing protection allows it; <paramref name="bypassProtection"/> is for the
    /// equivocator profile only, which deliberately signs conflicting blocks.
    /// </summary>
    public (Bytes? Signature, string? Refusal) SignBlock(Slot slot, Root signingRoot, bool bypassProtection = false)
    {
        if (!bypassProtection)
        {
            var decision = Complete(_protector.CheckAndRecordBlockAsync(PublicKey, slot, signingRoot));
            if (!decision.IsAllowed)
            {
                return (null, decision.Detail);
            }
        }

        return (SignUnprotected(signingRoot), null);
    }

    /// <summary>Signs attestation data's signing root if slashing protection allows it.</summary>
    public (Bytes? Signature, string? Refusal) SignAttestation(AttestationData data, Root signingRoot, bool bypassProtection = false)
    {
        if (!bypassProtection)
        {
            var decision = Complete(_protector.CheckAndRecordAttestationAsync(PublicKey, data.Source.Epoch, data.Target.Epoch, signingRoot));
            if (!decision.IsAllowed)
            {
                return (null, decision.Detail);
            }
        }

        return (SignUnprotected(signingRoot), null);
    }

    /// <summary>Signs an inclusion list's signing root unless another list was signed for <paramref name="slot"/>.</summary>
    public (Bytes? Signature, string? Refusal) SignInclusionList(Slot slot, Root signingRoot)
    {
        var decision = _inclusionLists.CheckAndRecord(PublicKey, slot, signingRoot);
        return decision.IsAllowed ? (SignUnprotected(signingRoot), null) : (null, decision.Detail);
    }

    /// <summary>Forgets inclusion lists signed before <paramref name="slot"/>; older slots are refused from then on.</summary>
    public void PruneInclusionLists(Slot slot) => _inclusionLists.PruneBelow(slot);

    // The node is a synchronous state machine: its store must answer at once (the in-memory store does).
    // A durable asynchronous store needs the host to await before the signature leaves; that is the grain's job.
    private static SigningDecision Complete(ValueTask<SigningDecision> pending) =>
        pending.IsCompletedSuccessfully
            ? pending.Result
            : throw new InvalidOperationException("the node's slashing-protection store must complete synchronously");
}
