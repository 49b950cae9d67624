using System.Buffers.Binary;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Shuffling;
using NativeDvt.Consensus.Signing;

namespace NativeDvt.Consensus.State;

/// <remarks>Spec: phase0/altair beacon-chain "Beacon state accessors", over groups instead of validators.</remarks>
public sealed partial class BeaconState
{
    private EpochShuffling?[] _shufflings = new EpochShuffling?[3];
    // A reference, so that threads reading a shared state's cache never see half of an update.
    private Tuple<Epoch, ulong>? _totalActiveBalance;

    /// <summary>get_current_epoch.</summary>
    public Epoch CurrentEpoch => ChainTime.EpochAtSlot(Preset, Slot);

    /// <summary>get_previous_epoch.</summary>
    public Epoch PreviousEpoch => CurrentEpoch == Epoch.Zero ? Epoch.Zero : CurrentEpoch - 1;

    /// <summary>get_randao_mix.</summary>
    public Root GetRandaoMix(Epoch epoch) => RandaoMixes[(int)(epoch.Value % Preset.EpochsPerHistoricalVector)];

    /// <summary>get_active_validator_indices over groups, ascending.</summary>
    public int[] GetActiveGroupIndices(Epoch epoch)
    {
        var groups = Groups.AsSpan();
        var result = new List<int>(groups.Length);
        for (var i = 0; i < groups.Length; i++)
        {
            if (groups[i].IsActive(epoch))
            {
                result.Add(i);
            }
        }

        return [.. result];
    }

    /// <summary>get_total_balance: at least EFFECTIVE_BALANCE_INCREMENT to avoid division by zero.</summary>
    public ulong GetTotalBalance(IEnumerable<int> indices)
    {
        ulong total = 0;
        foreach (var i in indices)
        {
            total += Groups[i].EffectiveBalance.Value;
        }

        return Math.Max(Preset.EffectiveBalanceIncrement, total);
    }

    /// <summary>get_total_active_balance, cached per epoch until the registry changes.</summary>
    public ulong GetTotalActiveBalance()
    {
        var epoch = CurrentEpoch;
        var cached = _totalActiveBalance;
        if (Groups.Changed || cached is null || cached.Item1 != epoch)
        {
            ulong total = 0;
            foreach (var group in Groups.AsSpan())
            {
                if (group.IsActive(epoch))
                {
                    total += group.EffectiveBalance.Value;
                }
            }

            Groups.ClearChanged();
            cached = Tuple.Create(epoch, Math.Max(Preset.EffectiveBalanceIncrement, total));
            _totalActiveBalance = cached;
        }

        return cached.Item2;
    }

    /// <summary>get_seed(state, epoch, domain_type).</summary>
    public Root GetSeed(Epoch epoch, DomainType domainType)
    {
        var mixEpoch = new Epoch(checked(epoch.Value + Preset.EpochsPerHistoricalVector - Preset.MinSeedLookahead - 1));
        Span<byte> input = stackalloc byte[4 + 8 + 32];
        domainType.CopyTo(input);
        BinaryPrimitives.WriteUInt64LittleEndian(input[4..], epoch.Value);
        GetRandaoMix(mixEpoch).CopyTo(input[12..]);
        return Hashing.Hash(input);
    }

    /// <summary>get_committee_count_per_slot.</summary>
    public ulong GetCommitteeCountPerSlot(Epoch epoch) => CommitteeCountPerSlot((ulong)GetShuffling(epoch).ActiveCount);

    /// <summary>The committees of <paramref name="epoch"/> (previous, current or next), computed once per seed.</summary>
    public EpochShuffling GetShuffling(Epoch epoch)
    {
        var seed = GetSeed(epoch, Domains.BeaconAttester);
        var slot = (int)(epoch.Value % 3);
        if (_shufflings[slot] is { } cached && cached.Epoch == epoch && cached.Seed == seed)
        {
            return cached;
        }

        var active = GetActiveGroupIndices(epoch);
        var shuffling = new EpochShuffling(epoch, seed, active, Groups.Count, Preset.SlotsPerEpoch,
            CommitteeCountPerSlot((ulong)active.Length), Preset.ShuffleRoundCount);
        var copy = (EpochShuffling?[])_shufflings.Clone();
        copy[slot] = shuffling;
        _shufflings = copy;
        return shuffling;
    }

    /// <summary>get_beacon_committee(state, slot, index).</summary>
    public ReadOnlySpan<int> GetBeaconCommittee(Slot slot, CommitteeIndex index) =>
        GetShuffling(ChainTime.EpochAtSlot(Preset, slot)).Committee(slot, index);

    /// <summary>get_beacon_proposer_index: the group proposing at the state's slot.</summary>
    public GroupIndex GetBeaconProposerIndex() => GetBeaconProposerIndex(Slot);

    /// <summary>The proposer of any <paramref name="slot"/> of the current epoch (the spec's function at that slot).</summary>
    public GroupIndex GetBeaconProposerIndex(Slot slot)
    {
        if (ChainTime.EpochAtSlot(Preset, slot) != CurrentEpoch)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), $"slot {slot} is not in the current epoch {CurrentEpoch}");
        }

        var epochSeed = GetSeed(CurrentEpoch, Domains.BeaconProposer);
        var seed = Hashing.Hash(epochSeed, slot.Value);
        return ComputeProposerIndex(GetShuffling(CurrentEpoch).ActiveIndices, seed);
    }

    /// <summary>
    /// compute_proposer_index, weighted by effective balance against the largest possible group
    /// (MAX_GROUP_SIZE x MAX_EFFECTIVE_BALANCE), so a group's chance is proportional to its weight.
    /// </summary>
    public GroupIndex ComputeProposerIndex(ReadOnlySpan<int> indices, Root seed)
    {
        if (indices.Length == 0)
        {
            throw new InvalidOperationException("no active group can propose");
        }

        const ulong maxRandomByte = 255;
        var cap = checked(Preset.MaxGroupSize * Preset.MaxEffectiveBalance);
        Span<byte> seedBytes = stackalloc byte[32];
        seed.CopyTo(seedBytes);
        Span<byte> randomInput = stackalloc byte[40];
        seed.CopyTo(randomInput);
        Span<byte> random = stackalloc byte[32];
        var total = (ulong)indices.Length;
        for (ulong i = 0; ; i++)
        {
            var candidate = indices[(int)SwapOrNot.ComputeShuffledIndex(i % total, total, seedBytes, Preset.ShuffleRoundCount)];
            if (i % 32 == 0)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(randomInput[32..], i / 32);
                Hashing.Hash(randomInput).CopyTo(random);
            }

            var effectiveBalance = Groups[candidate].EffectiveBalance.Value;
            if (effectiveBalance * maxRandomByte >= cap * random[(int)(i % 32)])
            {
                return new GroupIndex((ulong)candidate);
            }
        }
    }

    /// <summary>get_block_root_at_slot: only for slot &lt; state.slot &lt;= slot + SLOTS_PER_HISTORICAL_ROOT.</summary>
    public Root GetBlockRootAtSlot(Slot slot)
    {
        if (!(slot < Slot && Slot.Value - slot.Value <= Preset.SlotsPerHistoricalRoot))
        {
            throw new ArgumentOutOfRangeException(nameof(slot), $"block root of slot {slot} is not kept at slot {Slot}");
        }

        return BlockRoots[(int)(slot.Value % Preset.SlotsPerHistoricalRoot)];
    }

    /// <summary>get_block_root: the root at the start slot of <paramref name="epoch"/>.</summary>
    public Root GetBlockRoot(Epoch epoch) => GetBlockRootAtSlot(ChainTime.StartSlot(Preset, epoch));

    /// <summary>get_validator_churn_limit, counted in groups.</summary>
    public ulong GetChurnLimit() =>
        Math.Max(Preset.MinPerEpochChurnLimit, (ulong)GetShuffling(CurrentEpoch).ActiveCount / Preset.ChurnLimitQuotient);

    /// <summary>get_base_reward_per_increment.</summary>
    public ulong GetBaseRewardPerIncrement() =>
        Preset.EffectiveBalanceIncrement * Preset.BaseRewardFactor / IntegerSquareRoot(GetTotalActiveBalance());

    /// <summary>get_base_reward: proportional to the group's effective balance, hence to n.</summary>
    public ulong GetBaseReward(int index) =>
        Groups[index].EffectiveBalance.Value / Preset.EffectiveBalanceIncrement * GetBaseRewardPerIncrement();

    /// <summary>Whether the chain is in an inactivity leak (is_in_inactivity_leak).</summary>
    public bool IsInInactivityLeak() =>
        PreviousEpoch.Value - FinalizedCheckpoint.Epoch.Value > Preset.MinEpochsToInactivityPenalty;

    /// <summary>integer_squareroot.</summary>
    public static ulong IntegerSquareRoot(ulong n)
    {
        if (n == ulong.MaxValue)
        {
            return uint.MaxValue;
        }

        var x = (ulong)Math.Sqrt(n);
        while (x * x > n)
        {
            x--;
        }

        while ((x + 1) * (x + 1) <= n)
        {
            x++;
        }

        return x;
    }

    private ulong CommitteeCountPerSlot(ulong activeCount) =>
        Math.Max(1, Math.Min(Preset.MaxCommitteesPerSlot, activeCount / Preset.SlotsPerEpoch / Preset.TargetCommitteeSize));
}
