using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Shuffling;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.State;

namespace NativeDvt.Consensus.Duties;

/// <summary>
/// What a group must do, computed from a state: proposals, attestation committee, and the ranking of its
/// members for leader/follow block production (protocol.md section 4). Every member of a group shares these.
/// </summary>
public static class GroupDuties
{
    /// <summary>The proposer group of every slot of the state's current epoch.</summary>
    public static IReadOnlyList<(Slot Slot, GroupIndex Proposer)> ProposerDuties(BeaconState state)
    {
        var start = ChainTime.StartSlot(state.Preset, state.CurrentEpoch);
        var duties = new List<(Slot, GroupIndex)>();
        for (ulong i = 0; i < state.Preset.SlotsPerEpoch; i++)
        {
            var slot = start + i;
            duties.Add((slot, state.GetBeaconProposerIndex(slot)));
        }

        return duties;
    }

    /// <summary>The slot and committee of <paramref name="group"/> in <paramref name="epoch"/> (previous, current or next), or null.</summary>
    public static (Slot Slot, CommitteeIndex Index)? AttesterDuty(BeaconState state, Epoch epoch, GroupIndex group)
    {
        if (epoch > state.CurrentEpoch + 1 || epoch < state.PreviousEpoch)
        {
            throw new ArgumentOutOfRangeException(nameof(epoch), $"committees of epoch {epoch} are not known at epoch {state.CurrentEpoch}");
        }

        return state.GetShuffling(epoch).Assignment(group);
    }

    /// <summary>
    /// The members of <paramref name="group"/> in rank order for its proposal at <paramref name="slot"/>: rank 0 leads,
    /// rank r takes over after r x LEADER_TIMEOUT. Seeded with hash(mix || slot || group), where mix is the RANDAO mix
    /// behind the epoch's seed (fixed one epoch ahead, so every member computes the same ranking).
    /// </summary>
    public static int[] RankMembers(BeaconState state, Slot slot, GroupIndex group)
    {
        var preset = state.Preset;
        var epoch = ChainTime.EpochAtSlot(preset, slot);
        var mixEpoch = new Epoch(checked(epoch.Value + preset.EpochsPerHistoricalVector - preset.MinSeedLookahead - 1));
        Span<byte> input = stackalloc byte[48];
        state.GetRandaoMix(mixEpoch).CopyTo(input);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(input[32..], slot.Value);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(input[40..], group.Value);
        Span<byte> seed = stackalloc byte[32];
        Hashing.Hash(input).CopyTo(seed);
        var n = (ulong)state.Groups[group].Size;
        var ranking = new int[n];
        for (ulong rank = 0; rank < n; rank++)
        {
            ranking[rank] = (int)SwapOrNot.ComputeShuffledIndex(rank, n, seed, preset.ShuffleRoundCount);
        }

        return ranking;
    }
}
