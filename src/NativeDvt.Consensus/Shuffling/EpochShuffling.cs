using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Shuffling;

/// <summary>
/// One epoch's committees: the active groups shuffled once with the whole-list shuffle and cut into
/// SLOTS_PER_EPOCH x committees_per_slot committees, plus each group's committee for O(1) lookups. Immutable.
/// </summary>
/// <remarks>Spec: get_committee_count_per_slot, compute_committee, get_beacon_committee.</remarks>
public sealed class EpochShuffling
{
    private readonly int[] _active;
    private readonly int[] _shuffled;
    private readonly int[] _committeeStarts;
    private readonly int[] _committeeOfGroup;

    /// <summary>Shuffles <paramref name="activeIndices"/> (ascending) with <paramref name="seed"/>.</summary>
    public EpochShuffling(Epoch epoch, Root seed, int[] activeIndices, int registrySize, ulong slotsPerEpoch, ulong committeesPerSlot, int rounds)
    {
        Epoch = epoch;
        Seed = seed;
        SlotsPerEpoch = slotsPerEpoch;
        CommitteesPerSlot = committeesPerSlot;
        _active = (int[])activeIndices.Clone();
        _shuffled = (int[])_active.Clone();
        Span<byte> seedBytes = stackalloc byte[32];
        seed.CopyTo(seedBytes);
        SwapOrNot.ShuffleList<int>(_shuffled, seedBytes, rounds);

        var committeeCount = checked((int)(slotsPerEpoch * committeesPerSlot));
        _committeeStarts = new int[committeeCount + 1];
        var length = (long)_shuffled.Length;
        for (var c = 0; c <= committeeCount; c++)
        {
            _committeeStarts[c] = (int)(length * c / committeeCount);
        }

        _committeeOfGroup = new int[registrySize];
        Array.Fill(_committeeOfGroup, -1);
        for (var c = 0; c < committeeCount; c++)
        {
            for (var p = _committeeStarts[c]; p < _committeeStarts[c + 1]; p++)
            {
                _committeeOfGroup[_shuffled[p]] = c;
            }
        }
    }

    /// <summary>The epoch.</summary>
    public Epoch Epoch { get; }

    /// <summary>The seed (get_seed with DOMAIN_BEACON_ATTESTER).</summary>
    public Root Seed { get; }

    /// <summary>SLOTS_PER_EPOCH.</summary>
    public ulong SlotsPerEpoch { get; }

    /// <summary>get_committee_count_per_slot for this epoch.</summary>
    public ulong CommitteesPerSlot { get; }

    /// <summary>The active groups, ascending (get_active_validator_indices).</summary>
    public ReadOnlySpan<int> ActiveIndices => _active;

    /// <summary>The number of active groups.</summary>
    public int ActiveCount => _shuffled.Length;

    /// <summary>get_beacon_committee(slot, index): group indices in committee order.</summary>
    public ReadOnlySpan<int> Committee(Slot slot, CommitteeIndex index)
    {
        var c = checked((int)((slot.Value % SlotsPerEpoch) * CommitteesPerSlot + index.Value));
        return _shuffled.AsSpan(_committeeStarts[c], _committeeStarts[c + 1] - _committeeStarts[c]);
    }

    /// <summary>The slot and committee of <paramref name="group"/> this epoch, or null if it has no duty.</summary>
    public (Slot Slot, CommitteeIndex Index)? Assignment(GroupIndex group)
    {
        if (group.Value >= (ulong)_committeeOfGroup.Length)
        {
            return null;
        }

        var c = _committeeOfGroup[(int)group.Value];
        if (c < 0)
        {
            return null;
        }

        var slotOffset = (ulong)c / CommitteesPerSlot;
        return (new Slot(checked(Epoch.Value * SlotsPerEpoch + slotOffset)), new CommitteeIndex((ulong)c % CommitteesPerSlot));
    }

    /// <summary>Whether <paramref name="group"/> sits in committee (<paramref name="slot"/>, <paramref name="index"/>).</summary>
    public bool IsInCommittee(GroupIndex group, Slot slot, CommitteeIndex index) =>
        Assignment(group) is { } assignment && assignment.Slot == slot && assignment.Index == index;
}
