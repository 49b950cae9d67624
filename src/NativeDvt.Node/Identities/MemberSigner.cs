using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.SlashingProtection;
using NativeDvt.Consensus.Types;
using NativeDvt.Crypto;
using NativeDvt.Node.Signing;

namespace NativeDvt.Node.Identities;

/// <summary>
/// One member key and its signing records: every block or attestation signature is checked against and recorded in
/// the key's EIP-3076 history, every inclusion-list signature in its one-list-per-slot record, before it is produced;
/// the records go to the node's <see cref="SigningJournal"/>, which holds the signature's message until they are
/// durable. The RANDAO reveal and key-rotation shares are not slashable and are signed without a record.
/// </summary>
/// <remarks>
/// No signing failure escapes: a halted journal, a record still being read, or a scheme that cannot sign (a stateful
/// key whose one-time keys are used up) is a refusal with its reason, which the node reports as an event.
/// </remarks>
public sealed class MemberSigner
{
    private readonly ISignatureScheme _scheme;
    private readonly SigningJournal _journal;
    private readonly JournalProtectionStore _histories;
    private readonly SlashingProtector _protector;
    private readonly InclusionListProtection _inclusionLists = new();
    private readonly HashSet<string> _inclusionListsRead = new(StringComparer.Ordinal);
    private readonly List<(byte[] PublicKey, byte[] SecretKey)> _keys = [];
    private byte[] _secretKey;

    /// <summary>A signer for <paramref name="secretKey"/> whose records go through <paramref name="journal"/>, on the network of <paramref name="genesisValidatorsRoot"/>.</summary>
    public MemberSigner(ISignatureScheme scheme, byte[] secretKey, SigningJournal journal, Root genesisValidatorsRoot)
    {
        _scheme = scheme;
        _secretKey = secretKey;
        _journal = journal;
        _histories = new JournalProtectionStore(journal);
        _protector = new SlashingProtector(_histories, genesisValidatorsRoot);
        PublicKey = scheme.DerivePublicKey(secretKey);
        _keys.Add((PublicKey, secretKey));
    }

    /// <summary>Why the node refuses every signature for now (it is still syncing), or null.</summary>
    public string? Paused { get; set; }

    /// <summary>The public key the member signs with now.</summary>
    public byte[] PublicKey { get; private set; }

    /// <summary>The store keys of this signer's records (for <see cref="SigningJournal.PreloadAsync"/>).</summary>
    public IEnumerable<string> RecordKeysToLoad =>
        _keys.SelectMany(k => new[] { RecordKeys.SlashingProtection(k.PublicKey), RecordKeys.InclusionLists(k.PublicKey) });

    /// <summary>
    /// How many signatures the current key can still make: unbounded (<see cref="int.MaxValue"/>) unless the scheme is
    /// stateful, null while its state cannot be read.
    /// </summary>
    public int? RemainingSignatures
    {
        get
        {
            if (_scheme is not IStatefulScheme stateful)
            {
                return int.MaxValue;
            }

            try
            {
                return stateful.RemainingSignatures(_secretKey);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // Unknown for now (the index is still being read): asked again next slot.
                return null;
            }
        }
    }

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

    /// <summary>Signs a message no protection rule covers (RANDAO reveal, key-rotation share).</summary>
    public (Bytes? Signature, string? Refusal) SignUnprotected(Root signingRoot) =>
        Unready() is { } unready ? (null, unready) : Sign(signingRoot);

    /// <summary>
    /// Signs a block's signing root if slashing protection allows it; <paramref name="bypassProtection"/> is for the
    /// equivocator profile only, which deliberately signs conflicting blocks.
    /// </summary>
    public (Bytes? Signature, string? Refusal) SignBlock(Slot slot, Root signingRoot, bool bypassProtection = false) =>
        SignProtected(signingRoot, bypassProtection, () => _protector.CheckAndRecordBlockAsync(PublicKey, slot, signingRoot));

    /// <summary>Signs attestation data's signing root if slashing protection allows it.</summary>
    public (Bytes? Signature, string? Refusal) SignAttestation(AttestationData data, Root signingRoot, bool bypassProtection = false) =>
        SignProtected(signingRoot, bypassProtection, () => _protector.CheckAndRecordAttestationAsync(PublicKey, data.Source.Epoch, data.Target.Epoch, signingRoot));

    /// <summary>Signs an inclusion list's signing root unless another list was signed for <paramref name="slot"/>.</summary>
    public (Bytes? Signature, string? Refusal) SignInclusionList(Slot slot, Root signingRoot)
    {
        if (Unready() is { } unready)
        {
            return (null, unready);
        }

        if (!InclusionListsRead())
        {
            return (null, "the key's inclusion-list record is still being read");
        }

        var decision = _inclusionLists.CheckAndRecord(PublicKey, slot, signingRoot);
        if (!decision.IsAllowed)
        {
            return (null, decision.Detail);
        }

        if (!decision.IsRepeat && _journal.IsDurable)
        {
            _journal.Write(RecordKeys.InclusionLists(PublicKey), InclusionListRecordCodec.Encode(_inclusionLists.LowWatermark, _inclusionLists.RecordsOf(PublicKey)));
        }

        return Sign(signingRoot);
    }

    /// <summary>Forgets inclusion lists signed before <paramref name="slot"/>; older slots are refused from then on.</summary>
    public void PruneInclusionLists(Slot slot) => _inclusionLists.PruneBelow(slot);

    private (Bytes? Signature, string? Refusal) SignProtected(Root signingRoot, bool bypassProtection, Func<ValueTask<SigningDecision>> checkAndRecord)
    {
        if (Unready() is { } unready)
        {
            return (null, unready);
        }

        if (!bypassProtection)
        {
            if (!_histories.IsLoaded(PublicKey))
            {
                return (null, _journal.HaltReason is { } halted ? "signing halted: " + halted : "the key's slashing-protection history is still being read");
            }

            var decision = Complete(checkAndRecord());
            if (!decision.IsAllowed)
            {
                return (null, decision.Detail);
            }
        }

        return Sign(signingRoot);
    }

    // The journal's store answers from memory: the decision is made now, its record made durable before release.
    private static SigningDecision Complete(ValueTask<SigningDecision> pending) =>
        pending.IsCompletedSuccessfully
            ? pending.Result
            : throw new InvalidOperationException("a slashing-protection decision over the journal's memory did not complete at once");

    private string? Unready() => _journal.HaltReason is { } halted ? "signing halted: " + halted : Paused;

    private bool InclusionListsRead()
    {
        var key = RecordKeys.InclusionLists(PublicKey);
        if (_inclusionListsRead.Contains(key))
        {
            return true;
        }

        if (!_journal.TryLoad(key, out var bytes))
        {
            return false;
        }

        if (bytes is not null)
        {
            try
            {
                var (watermark, records) = InclusionListRecordCodec.Decode(bytes);
                _inclusionLists.Restore(PublicKey, watermark, records);
            }
            catch (FormatException error)
            {
                _journal.Halt($"signing record {key} is unreadable: {error.Message}");
                return false;
            }
        }

        _inclusionListsRead.Add(key);
        return true;
    }

    private (Bytes? Signature, string? Refusal) Sign(Root signingRoot)
    {
        try
        {
            return (Bytes.Wrap(_scheme.Sign(_secretKey, signingRoot.ToArray())), null);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // A scheme that cannot sign (a stateful key used up, its index unreadable) costs this duty, never the process.
            return (null, $"{_scheme.Name} could not sign: {error.Message}");
        }
    }
}
