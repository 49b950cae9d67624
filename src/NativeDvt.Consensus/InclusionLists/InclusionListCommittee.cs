using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Shuffling;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.InclusionLists;

/// <summary>The inclusion-list committee of a slot: IL_COMMITTEE_SIZE positions filled with active groups.</summary>
/// <remarks>
/// EIP-7805 get_inclusion_list_committee: seed = get_seed(epoch, DOMAIN_INCLUSION_LIST); position i of slot s takes
/// active[compute_shuffled_index(i mod A, A, seed)] for i in [(s mod SLOTS_PER_EPOCH) x IL_COMMITTEE_SIZE, + IL_COMMITTEE_SIZE).
/// Groups instead of validators; like the spec, positions are not weighted by balance and a group may hold several
/// positions (when fewer than SLOTS_PER_EPOCH x IL_COMMITTEE_SIZE groups are active): it still makes one list.
/// </remarks>
public static class InclusionListCommittee
{
    /// <summary>The committee of <paramref name="slot"/> (its epoch must be at most the state's next), in position order.</summary>
    public static GroupIndex[] Get(BeaconState state, Slot slot)
    {
        var preset = state.Preset;
        var epoch = ChainTime.EpochAtSlot(preset, slot);
        if (epoch > state.CurrentEpoch + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), $"the inclusion-list committee of slot {slot} is not known at epoch {state.CurrentEpoch}");
        }

        var active = state.GetActiveGroupIndices(epoch);
        var size = (int)preset.InclusionListCommitteeSize;
        var committee = new GroupIndex[active.Length == 0 ? 0 : size];
        if (active.Length == 0)
        {
            return committee;
        }

        Span<byte> seed = stackalloc byte[32];
        state.GetSeed(epoch, Domains.InclusionList).CopyTo(seed);
        var count = (ulong)active.Length;
        var start = slot.Value % preset.SlotsPerEpoch * preset.InclusionListCommitteeSize;
        for (var i = 0; i < size; i++)
        {
            var position = (start + (ulong)i) % count;
            committee[i] = new GroupIndex((ulong)active[SwapOrNot.ComputeShuffledIndex(position, count, seed, preset.ShuffleRoundCount)]);
        }

        return committee;
    }

    /// <summary>The distinct groups of <paramref name="committee"/>, ascending: each makes one inclusion list.</summary>
    public static GroupIndex[] Members(IReadOnlyList<GroupIndex> committee) => [.. committee.Distinct().Order()];

    /// <summary>hash_tree_root(List[GroupIndex, IL_COMMITTEE_SIZE]) of <paramref name="committee"/>.</summary>
    public static Root RootOf(IReadOnlyList<GroupIndex> committee, ulong committeeSize)
    {
        var values = new ulong[committee.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = committee[i].Value;
        }

        return Merkle.HashTreeRootOfUInt64List(values, committeeSize).ToRoot();
    }
}
