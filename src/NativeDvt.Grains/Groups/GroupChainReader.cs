using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition.PerEpoch;
using NativeDvt.Consensus.StateTransition.PerSlot;
using NativeDvt.Grains.Abstractions;
using NativeDvt.Node.Sharing;

namespace NativeDvt.Grains.Groups;

/// <summary>
/// A group as a node's canonical chain records it, computed from the chain's own states with the consensus code's slot
/// processing, the way the simulator reads participation: no rule is restated here.
/// </summary>
internal static class GroupChainReader
{
    /// <summary>
    /// Group <paramref name="group"/> on the chain whose blocks <paramref name="chain"/> holds, head first, down to the
    /// oldest block the node keeps; null when the chain has no such group. Post-states are shared and read-only: this
    /// runs off the node's loop on copies.
    /// </summary>
    public static GroupChainView? Read(IReadOnlyList<StoredBlock> chain, ulong group, int maxEpochs)
    {
        var head = chain[0].PostState;
        if (group >= (ulong)head.Groups.Count)
        {
            return null;
        }

        var index = (int)group;
        var entry = head.Groups[index];
        return new GroupChainView(
            head.Slot.Value,
            Status(entry, head.CurrentEpoch),
            head.Balances[index],
            entry.EffectiveBalance.Value,
            entry.Threshold,
            [.. entry.Pubkeys.Select(k => k.ToString())],
            [.. SettledEpochs(chain, index, maxEpochs)],
            entry.Slashed,
            entry.ActivationEligibilityEpoch.Value,
            entry.ActivationEpoch.Value,
            entry.ExitEpoch.Value,
            entry.WithdrawableEpoch.Value);
    }

    private static readonly byte AllFlags = (byte)((1 << ParticipationFlags.TimelySource) | (1 << ParticipationFlags.TimelyTarget) | (1 << ParticipationFlags.TimelyHead));

    private static string Status(Consensus.Types.Group group, Epoch epoch) =>
        group.Slashed ? "slashed"
        : group.ExitEpoch <= epoch ? "exited"
        : group.IsActive(epoch) ? "active"
        : "pending";

    /// <summary>
    /// Epoch E is settled once the chain has passed the last slot of E + 1, the last one whose block may include E's
    /// attestations: the state at that slot holds E's final flags as its previous-epoch participation, and the transition
    /// into E + 2 pays for them.
    /// </summary>
    private static IEnumerable<GroupEpochSummary> SettledEpochs(IReadOnlyList<StoredBlock> chain, int group, int maxEpochs)
    {
        var preset = chain[0].PostState.Preset;
        var headSlot = chain[0].Slot.Value;
        var oldestSlot = chain[^1].Slot.Value;
        var settled = new List<GroupEpochSummary>();
        for (var epoch = headSlot / preset.SlotsPerEpoch; epoch-- > 0 && settled.Count < maxEpochs;)
        {
            var lastSlot = ((epoch + 2) * preset.SlotsPerEpoch) - 1;
            if (lastSlot > headSlot)
            {
                continue;
            }

            if (lastSlot < oldestSlot)
            {
                break;
            }

            var before = StateAt(chain, new Slot(lastSlot));
            var after = before.Copy();
            PerSlotProcessing.ProcessSlots(after, new Slot(lastSlot + 1));
            var flags = before.PreviousEpochParticipation[group];
            var ideal = before.Copy();
            ideal.PreviousEpochParticipation[group] = AllFlags;
            PerSlotProcessing.ProcessSlots(ideal, new Slot(lastSlot + 1));
            settled.Add(new GroupEpochSummary(
                epoch,
                ParticipationFlags.Has(flags, ParticipationFlags.TimelySource),
                ParticipationFlags.Has(flags, ParticipationFlags.TimelyTarget),
                ParticipationFlags.Has(flags, ParticipationFlags.TimelyHead),
                (long)after.Balances[group] - (long)before.Balances[group],
                after.Balances[group],
                (long)ideal.Balances[group] - (long)before.Balances[group]));
        }

        settled.Reverse();
        return settled;
    }

    /// <summary>The canonical state at <paramref name="slot"/>: the post-state of the last block at or before it, advanced through empty slots.</summary>
    private static BeaconState StateAt(IReadOnlyList<StoredBlock> chain, Slot slot)
    {
        var block = chain.First(b => b.Slot <= slot);
        if (block.Slot == slot)
        {
            return block.PostState;
        }

        var state = block.PostState.Copy();
        PerSlotProcessing.ProcessSlots(state, slot);
        return state;
    }
}
