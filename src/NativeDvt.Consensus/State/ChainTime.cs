using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.State;

/// <summary>Slot and epoch arithmetic of the spec (compute_epoch_at_slot and friends).</summary>
public static class ChainTime
{
    /// <summary>compute_epoch_at_slot.</summary>
    public static Epoch EpochAtSlot(Preset preset, Slot slot) => new(slot.Value / preset.SlotsPerEpoch);

    /// <summary>compute_start_slot_at_epoch.</summary>
    public static Slot StartSlot(Preset preset, Epoch epoch) => new(checked(epoch.Value * preset.SlotsPerEpoch));

    /// <summary>compute_activation_exit_epoch: epoch + 1 + MAX_SEED_LOOKAHEAD.</summary>
    public static Epoch ActivationExitEpoch(Preset preset, Epoch epoch) => epoch + (1 + preset.MaxSeedLookahead);
}
