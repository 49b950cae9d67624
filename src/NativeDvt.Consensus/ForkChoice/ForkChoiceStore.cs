using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.ForkChoice;

/// <summary>
/// LMD-GHOST fork choice with proposer boost and the FFG viability filter, over groups.
/// Time only moves through <see cref="OnTick"/>; blocks and votes come in already validated by the
/// state transition and signature checks.
/// </summary>
/// <remarks>
/// phase0 fork-choice.md: get_forkchoice_store, on_tick, on_block, on_attestation, get_head,
/// filter_block_tree, get_weight, get_proposer_score. Differences: weight is counted per group, for
/// the root that m of its members' latest messages agree on (see <see cref="GroupVotes"/>); unrealized
/// justification and equivocating-validator discounting are not modelled.
/// </remarks>
public sealed partial class ForkChoiceStore
{
    private readonly ForkChoiceConfig _config;
    private readonly List<BlockNode> _nodes = [];
    private readonly Dictionary<Root, int> _indices = [];
    private readonly Dictionary<GroupIndex, GroupVotes> _groups = [];
    private ulong _totalBalance;

    /// <summary>get_forkchoice_store: a store anchored at a trusted block, which is both justified and finalized.</summary>
    public ForkChoiceStore(ForkChoiceConfig config, Root anchorRoot, Slot anchorSlot, ulong timeMs)
    {
        ArgumentOutOfRangeException.ThrowIfZero(config.SlotDurationMs);
        ArgumentOutOfRangeException.ThrowIfZero(config.SlotsPerEpoch);
        _config = config;
        var anchor = new ForkChoiceCheckpoint(EpochOf(anchorSlot), anchorRoot);
        Justified = anchor;
        Finalized = anchor;
        AddNode(new ForkChoiceBlock(anchorRoot, default, anchorSlot, anchor, anchor), -1);
        TimeMs = Math.Max(timeMs, config.GenesisTimeMs);
    }

    /// <summary>The store's time in milliseconds.</summary>
    public ulong TimeMs { get; private set; }

    /// <summary>get_current_slot.</summary>
    public Slot CurrentSlot => new((TimeMs - _config.GenesisTimeMs) / _config.SlotDurationMs);

    /// <summary>The epoch of <see cref="CurrentSlot"/>.</summary>
    public Epoch CurrentEpoch => EpochOf(CurrentSlot);

    /// <summary>store.justified_checkpoint.</summary>
    public ForkChoiceCheckpoint Justified { get; private set; }

    /// <summary>store.finalized_checkpoint.</summary>
    public ForkChoiceCheckpoint Finalized { get; private set; }

    /// <summary>store.proposer_boost_root, or null when no timely block has been seen this slot.</summary>
    public Root? ProposerBoostRoot { get; private set; }

    /// <summary>True when the block is in the store.</summary>
    public bool Contains(Root root) => _indices.ContainsKey(root);

    /// <summary>on_tick: advances time; entering a new slot clears the proposer boost. Time never goes back.</summary>
    public void OnTick(ulong timeMs)
    {
        if (timeMs <= TimeMs)
        {
            return;
        }

        var previousSlot = CurrentSlot;
        TimeMs = timeMs;
        if (CurrentSlot > previousSlot)
        {
            ProposerBoostRoot = null;
        }
    }

    /// <summary>Adds or updates a group's weight and size (from the justified state). Votes of kept members stay.</summary>
    public void SetGroup(ForkChoiceGroup group)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(group.Size);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(group.Threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(group.Threshold, group.Size);
        if (_groups.TryGetValue(group.Index, out var votes))
        {
            _totalBalance = checked(_totalBalance - votes.Group.Balance.Value);
            votes.Update(group);
        }
        else
        {
            _groups[group.Index] = new GroupVotes(group);
        }

        _totalBalance = checked(_totalBalance + group.Balance.Value);
    }

    private Epoch EpochOf(Slot slot) => new(slot.Value / _config.SlotsPerEpoch);

    private Slot StartSlotOf(Epoch epoch) => new(checked(epoch.Value * _config.SlotsPerEpoch));

    private int AddNode(ForkChoiceBlock block, int parent)
    {
        var index = _nodes.Count;
        _nodes.Add(new BlockNode(block, parent));
        _indices[block.Root] = index;
        if (parent >= 0)
        {
            _nodes[parent].Children.Add(index);
        }

        return index;
    }

    /// <summary>get_ancestor: the block at or before <paramref name="slot"/> on the chain of <paramref name="index"/>.</summary>
    private int AncestorAt(int index, Slot slot)
    {
        while (_nodes[index].Block.Slot > slot && _nodes[index].Parent >= 0)
        {
            index = _nodes[index].Parent;
        }

        return index;
    }

    private sealed record BlockNode(ForkChoiceBlock Block, int Parent)
    {
        public List<int> Children { get; } = [];
    }
}
