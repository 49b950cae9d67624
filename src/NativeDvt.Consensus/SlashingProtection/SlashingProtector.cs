using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.SlashingProtection;

/// <summary>
/// The gate every signature passes: each call checks the request against the key's history and
/// records it in the same compare-and-swap, so a signature may leave only after its call returned
/// an allowed decision. Bound to one network by its genesis_validators_root.
/// </summary>
public sealed class SlashingProtector
{
    private readonly ISlashingProtectionStore _store;
    private readonly SlashingProtectionOptions _options;

    /// <summary>A protector over <paramref name="store"/> for the network of <paramref name="genesisValidatorsRoot"/>.</summary>
    public SlashingProtector(ISlashingProtectionStore store, Root genesisValidatorsRoot, SlashingProtectionOptions? options = null)
    {
        _store = store;
        GenesisValidatorsRoot = genesisValidatorsRoot;
        _options = options ?? SlashingProtectionOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxRecordsPerKind, 2);
    }

    /// <summary>The network this protector (and its store) belongs to.</summary>
    public Root GenesisValidatorsRoot { get; }

    /// <summary>Checks a block proposal and, when safe, records it before returning.</summary>
    public ValueTask<SigningDecision> CheckAndRecordBlockAsync(byte[] pubkey, Slot slot, Root signingRoot, CancellationToken cancellationToken = default) =>
        CheckAndRecordAsync(
            pubkey,
            history => SlashingRules.CheckBlock(history, slot, signingRoot),
            history => history with { Blocks = [.. history.Blocks, new SignedBlockRecord(slot, signingRoot)] },
            cancellationToken);

    /// <summary>Checks an attestation and, when safe, records it before returning.</summary>
    public ValueTask<SigningDecision> CheckAndRecordAttestationAsync(byte[] pubkey, Epoch source, Epoch target, Root signingRoot, CancellationToken cancellationToken = default) =>
        CheckAndRecordAsync(
            pubkey,
            history => SlashingRules.CheckAttestation(history, source, target, signingRoot),
            history => history with { Attestations = [.. history.Attestations, new SignedAttestationRecord(source, target, signingRoot)] },
            cancellationToken);

    /// <summary>
    /// Merges an EIP-3076 interchange into the store. Throws <see cref="InterchangeException"/>, importing
    /// nothing, when the document is malformed or belongs to another network. Slashable data in the
    /// document is accepted: it only makes the rules stricter.
    /// </summary>
    public async ValueTask ImportAsync(string json, CancellationToken cancellationToken = default)
    {
        var document = InterchangeFormat.Parse(json);
        if (document.GenesisValidatorsRoot != GenesisValidatorsRoot)
        {
            throw new InterchangeException($"genesis_validators_root {document.GenesisValidatorsRoot} is not this network's {GenesisValidatorsRoot}");
        }

        foreach (var validator in document.Validators)
        {
            while (true)
            {
                var history = await _store.LoadAsync(validator.Pubkey, cancellationToken).ConfigureAwait(false);
                var merged = HistoryPruning.Prune(
                    history with
                    {
                        Blocks = [.. history.Blocks, .. validator.Blocks.Where(b => !history.Blocks.Contains(b))],
                        Attestations = [.. history.Attestations, .. validator.Attestations.Where(a => !history.Attestations.Contains(a))],
                    },
                    _options.MaxRecordsPerKind);
                if (await _store.TryReplaceAsync(validator.Pubkey, merged, history.Version, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
    }

    /// <summary>Writes every key's history as an EIP-3076 (format 5) interchange.</summary>
    public async ValueTask<string> ExportAsync(CancellationToken cancellationToken = default)
    {
        var validators = new List<InterchangeValidator>();
        await foreach (var pubkey in _store.ListPubkeysAsync(cancellationToken).ConfigureAwait(false))
        {
            var history = await _store.LoadAsync(pubkey, cancellationToken).ConfigureAwait(false);
            validators.Add(new InterchangeValidator(pubkey, WithWatermarkRecords(history.Blocks, history.PrunedBlockSlot), WithWatermarkRecords(history)));
        }

        return InterchangeFormat.Write(new InterchangeDocument(GenesisValidatorsRoot, validators));
    }

    // Pruned history is exported as one record without signing root at its watermark, the EIP-3076 way
    // of handing over a minimal history: an importer then refuses everything at or below it.
    private static IReadOnlyList<SignedBlockRecord> WithWatermarkRecords(IReadOnlyList<SignedBlockRecord> blocks, Slot? pruned) =>
        pruned is { } slot ? [new SignedBlockRecord(slot, null), .. blocks] : blocks;

    private static IReadOnlyList<SignedAttestationRecord> WithWatermarkRecords(ValidatorHistory history) =>
        history.PrunedSourceEpoch is { } source && history.PrunedTargetEpoch is { } target
            ? [new SignedAttestationRecord(source, target, null), .. history.Attestations]
            : history.Attestations;

    private async ValueTask<SigningDecision> CheckAndRecordAsync(
        byte[] pubkey,
        Func<ValidatorHistory, SigningDecision> check,
        Func<ValidatorHistory, ValidatorHistory> record,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(pubkey.Length);
        while (true)
        {
            var history = await _store.LoadAsync(pubkey, cancellationToken).ConfigureAwait(false);
            var decision = check(history);
            if (!decision.IsAllowed || decision.IsRepeat)
            {
                return decision;
            }

            // A concurrent writer for the same key changed the history: decide again on the new one.
            var updated = HistoryPruning.Prune(record(history), _options.MaxRecordsPerKind);
            if (await _store.TryReplaceAsync(pubkey, updated, history.Version, cancellationToken).ConfigureAwait(false))
            {
                return decision;
            }
        }
    }
}
