using NativeDvt.Consensus.ForkChoice;
using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Node;

/// <remarks>What the node forgets as slots pass: each reader checks its own slot window, so pruning only bounds memory.</remarks>
public sealed partial class DvtNode
{
    private Epoch _prunedEpoch;

    private void PruneBelowFinalized(ForkChoiceCheckpoint finalized)
    {
        if (!_blocks.TryGetValue(finalized.Root, out var root))
        {
            return;
        }

        foreach (var stale in _blocks.Values.Where(b => b.Slot < root.Slot).Select(b => b.Root).ToList())
        {
            _blocks.Remove(stale);
        }

        _orphans.PruneAtOrBelow(root.Slot);
        _invalid.PruneAtOrBelow(root.Slot);
    }

    private void PrunePools(Slot slot)
    {
        // Member votes more than an epoch old are ignored before this set is asked; at scale it holds tens of
        // thousands of votes per slot, so it is trimmed every slot (a handful of keys to look at).
        foreach (var old in _seenMemberVotes.Keys.Where(s => s.Value + _preset.SlotsPerEpoch < slot.Value).ToList())
        {
            _seenMemberVotes.Remove(old);
        }

        _voteRoots.Clear();

        // Once per epoch of the horizon, not per slot: every reader checks the slot window itself, so entries kept a
        // few slots longer change nothing, while scanning pools that hold every group's messages each slot costs.
        var horizon = slot.Value > _preset.SlotsPerEpoch + 1 ? slot.Value - _preset.SlotsPerEpoch - 1 : 0;
        if (EpochOf(new Slot(horizon)) <= _prunedEpoch)
        {
            return;
        }

        _prunedEpoch = EpochOf(new Slot(horizon));

        _groupAttestations.PruneBefore(horizon);

        foreach (var me in _identities)
        {
            foreach (var old in me.Tallies.Keys.Where(s => s.Value < horizon).ToList())
            {
                me.Tallies.Remove(old);
            }

            me.Attested.RemoveWhere(s => s.Value < horizon);
            me.Aggregated.RemoveWhere(s => s.Value < horizon);
        }

        PruneEvidence(new Slot(horizon));
    }
}
