using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.SlashingProtection;

/// <summary>
/// A member key's record of the inclusion lists it signed: at most one signing root per slot, so with m &gt; n/2 at most
/// one complete list of a group can exist per slot. Kept apart from the EIP-3076 history: inclusion lists are not
/// slashable (EIP-7805 only ignores equivocators' lists) and the interchange format has no place for them.
/// </summary>
/// <remarks>
/// In memory; a host makes it durable by storing <see cref="RecordsOf"/> and giving it back through <see cref="Restore"/>. Records below <see cref="PruneBelow"/>'s slot are dropped and that
/// slot becomes a low watermark, so a request for an older slot is refused rather than checked against nothing.
/// </remarks>
public sealed class InclusionListProtection
{
    private readonly Dictionary<(string Key, Slot Slot), Root> _signed = [];
    private Slot _lowWatermark;

    /// <summary>Slots below this are refused: their records were pruned.</summary>
    public Slot LowWatermark => _lowWatermark;

    /// <summary>The lists <paramref name="pubkey"/> signed that are still on record, by slot.</summary>
    public IReadOnlyList<(Slot Slot, Root SigningRoot)> RecordsOf(ReadOnlySpan<byte> pubkey)
    {
        var key = Convert.ToHexStringLower(pubkey);
        return [.. _signed.Where(e => e.Key.Key == key).Select(e => (e.Key.Slot, e.Value)).OrderBy(e => e.Slot)];
    }

    /// <summary>
    /// Takes back a stored record of <paramref name="pubkey"/> (after a restart): its lists count as signed, and the
    /// watermark rises to <paramref name="lowWatermark"/> if that is higher.
    /// </summary>
    public void Restore(ReadOnlySpan<byte> pubkey, Slot lowWatermark, IEnumerable<(Slot Slot, Root SigningRoot)> records)
    {
        PruneBelow(lowWatermark);
        var key = Convert.ToHexStringLower(pubkey);
        foreach (var (slot, root) in records)
        {
            if (slot >= _lowWatermark)
            {
                _signed.TryAdd((key, slot), root);
            }
        }
    }

    /// <summary>Allows (and records) the signature of <paramref name="signingRoot"/> for <paramref name="slot"/> unless another list was signed for it.</summary>
    public SigningDecision CheckAndRecord(ReadOnlySpan<byte> pubkey, Slot slot, Root signingRoot)
    {
        if (slot < _lowWatermark)
        {
            return SigningDecision.Refused(SlashingRefusal.InclusionListBelowLowWatermark, $"slot {slot} is below the pruned record (from slot {_lowWatermark})");
        }

        var key = (Convert.ToHexStringLower(pubkey), slot);
        if (_signed.TryGetValue(key, out var previous))
        {
            return previous == signingRoot
                ? SigningDecision.Repeat
                : SigningDecision.Refused(SlashingRefusal.DoubleInclusionList, $"another inclusion list was signed for slot {slot}");
        }

        _signed[key] = signingRoot;
        return SigningDecision.Allowed;
    }

    /// <summary>Forgets the lists of slots before <paramref name="slot"/> and refuses those slots from now on.</summary>
    public void PruneBelow(Slot slot)
    {
        if (slot <= _lowWatermark)
        {
            return;
        }

        _lowWatermark = slot;
        foreach (var key in _signed.Keys.Where(k => k.Slot < slot).ToList())
        {
            _signed.Remove(key);
        }
    }
}
