namespace NativeDvt.Consensus.ForkChoice;

public sealed partial class ForkChoiceStore
{
    /// <summary>
    /// on_attestation for one member's vote (already signature-checked): kept as the member's latest
    /// message if its epoch is later than the one held. Votes from gossip must be of the current or
    /// previous epoch; votes taken from blocks (<paramref name="fromBlock"/>) may be older.
    /// </summary>
    public ForkChoiceOutcome OnAttestation(MemberVote vote, bool fromBlock = false)
    {
        if (!_groups.TryGetValue(vote.Group, out var group) || vote.MemberIndex < 0 || vote.MemberIndex >= group.Group.Size)
        {
            return ForkChoiceOutcome.Rejected(ForkChoiceRejection.UnknownGroupOrMember, $"group {vote.Group} member {vote.MemberIndex}");
        }

        var currentEpoch = CurrentEpoch;
        if (vote.Epoch > currentEpoch)
        {
            return ForkChoiceOutcome.Rejected(ForkChoiceRejection.FromTheFuture, $"epoch {vote.Epoch} is after the current epoch {currentEpoch}");
        }

        if (!fromBlock && vote.Epoch.Value + 1 < currentEpoch.Value)
        {
            return ForkChoiceOutcome.Rejected(ForkChoiceRejection.VoteTooOld, $"epoch {vote.Epoch} is before the previous epoch");
        }

        if (!_indices.TryGetValue(vote.Root, out var index))
        {
            return ForkChoiceOutcome.Rejected(ForkChoiceRejection.UnknownBlock, $"voted block {vote.Root} is unknown");
        }

        if (EpochOf(_nodes[index].Block.Slot) > vote.Epoch)
        {
            return ForkChoiceOutcome.Rejected(ForkChoiceRejection.VoteForLaterBlock, $"voted block is from after epoch {vote.Epoch}");
        }

        if (group.Record(vote.MemberIndex, vote.Epoch, vote.Root))
        {
            MarkPending(group);
        }

        return ForkChoiceOutcome.Accepted;
    }
}
