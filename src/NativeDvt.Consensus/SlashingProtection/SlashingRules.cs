using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.SlashingProtection;

/// <summary>
/// The "complete" EIP-3076 strategy over a full history: no two blocks at one slot, no double vote, no
/// surround vote in either direction, an identical signing root may be signed again, and the lowest
/// slot / source / target on record act as low watermarks (so imported history bounds what follows),
/// as do the highest values of records pruned away.
/// </summary>
/// <remarks>
/// EIP-3076 "Conditions"; phase0 is_slashable_attestation_data. A record without a signing root can
/// never prove a repeat, so it blocks its slot or target for every message.
/// </remarks>
public static class SlashingRules
{
    /// <summary>Decides whether a block at <paramref name="slot"/> with <paramref name="signingRoot"/> is safe to sign.</summary>
    public static SigningDecision CheckBlock(ValidatorHistory history, Slot slot, Root? signingRoot)
    {
        var lowest = (Slot?)null;
        foreach (var record in history.Blocks)
        {
            if (record.Slot == slot)
            {
                if (signingRoot is not null && record.SigningRoot == signingRoot)
                {
                    return SigningDecision.Repeat;
                }

                return SigningDecision.Refused(SlashingRefusal.DoubleProposal, $"a different block was signed at slot {slot}");
            }

            lowest = lowest is null || record.Slot < lowest ? record.Slot : lowest;
        }

        if (history.PrunedBlockSlot is { } pruned && slot <= pruned)
        {
            return SigningDecision.Refused(SlashingRefusal.BlockBelowLowWatermark, $"slot {slot} is at or below the pruned history's slot {pruned}");
        }

        if (lowest is { } watermark && slot <= watermark)
        {
            return SigningDecision.Refused(SlashingRefusal.BlockBelowLowWatermark, $"slot {slot} is at or below the low watermark {watermark}");
        }

        return SigningDecision.Allowed;
    }

    /// <summary>Decides whether an attestation from <paramref name="source"/> to <paramref name="target"/> is safe to sign.</summary>
    public static SigningDecision CheckAttestation(ValidatorHistory history, Epoch source, Epoch target, Root? signingRoot)
    {
        if (source > target)
        {
            return SigningDecision.Refused(SlashingRefusal.SourceAfterTarget, $"source {source} is after target {target}");
        }

        if (signingRoot is not null && history.Attestations.Any(a => a.TargetEpoch == target && a.SigningRoot == signingRoot))
        {
            return SigningDecision.Repeat;
        }

        foreach (var record in history.Attestations)
        {
            if (record.TargetEpoch == target)
            {
                return SigningDecision.Refused(SlashingRefusal.DoubleVote, $"a different attestation was signed for target {target}");
            }

            if (source < record.SourceEpoch && record.TargetEpoch < target)
            {
                return SigningDecision.Refused(SlashingRefusal.SurroundsExisting, $"({source}, {target}) surrounds ({record.SourceEpoch}, {record.TargetEpoch})");
            }

            if (record.SourceEpoch < source && target < record.TargetEpoch)
            {
                return SigningDecision.Refused(SlashingRefusal.SurroundedByExisting, $"({source}, {target}) is surrounded by ({record.SourceEpoch}, {record.TargetEpoch})");
            }
        }

        if ((history.PrunedSourceEpoch is { } prunedSource && source < prunedSource)
            || (history.PrunedTargetEpoch is { } prunedTarget && target <= prunedTarget))
        {
            return SigningDecision.Refused(
                SlashingRefusal.AttestationBelowLowWatermark,
                $"({source}, {target}) is below the pruned history (source {history.PrunedSourceEpoch}, target {history.PrunedTargetEpoch})");
        }

        if (history.Attestations.Count > 0)
        {
            var lowestSource = history.Attestations.Min(a => a.SourceEpoch);
            var lowestTarget = history.Attestations.Min(a => a.TargetEpoch);
            if (source < lowestSource || target <= lowestTarget)
            {
                return SigningDecision.Refused(
                    SlashingRefusal.AttestationBelowLowWatermark,
                    $"({source}, {target}) is below the low watermark (source {lowestSource}, target {lowestTarget})");
            }
        }

        return SigningDecision.Allowed;
    }
}
