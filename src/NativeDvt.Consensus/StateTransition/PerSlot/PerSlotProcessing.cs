using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition.PerEpoch;

namespace NativeDvt.Consensus.StateTransition.PerSlot;

/// <summary>process_slots and process_slot.</summary>
/// <remarks>Spec: phase0 beacon-chain "State transition".</remarks>
public static class PerSlotProcessing
{
    /// <summary>process_slots: advances <paramref name="state"/> to <paramref name="slot"/>, running epoch processing at each boundary.</summary>
    public static void ProcessSlots(BeaconState state, Slot slot)
    {
        if (slot <= state.Slot)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), $"cannot advance from slot {state.Slot} to {slot}");
        }

        while (state.Slot < slot)
        {
            ProcessSlot(state);
            if ((state.Slot.Value + 1) % state.Preset.SlotsPerEpoch == 0)
            {
                PerEpochProcessing.ProcessEpoch(state);
            }

            state.Slot += 1;
        }
    }

    /// <summary>process_slot: caches the previous state and block roots.</summary>
    public static void ProcessSlot(BeaconState state)
    {
        var preset = state.Preset;
        var previousStateRoot = state.HashTreeRoot();
        var index = (int)(state.Slot.Value % preset.SlotsPerHistoricalRoot);
        state.StateRoots[index] = previousStateRoot;
        if (state.LatestBlockHeader.StateRoot == Root.Zero)
        {
            state.LatestBlockHeader = state.LatestBlockHeader with { StateRoot = previousStateRoot };
        }

        state.BlockRoots[index] = SszRoots.Of(state.LatestBlockHeader);
    }
}
