using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.ForkChoice;

/// <summary>
/// LMD-GHOST fork choice with proposer boost and the FFG viability filter, over groups.
/// Time only moves through <see cref="OnTick"/>; blocks and votes come in already validated by the
/// state transition and signature checks.
/// </summary>
/// <remarks>
/// phase0 fork-choice.md: get_forkchoice_store, on_tick, on_block, on_attestation, get_head,
/// filter_block_tree, get_voting_source, compute_pulled_up_tip, get_weight, get_proposer_score.
/// Difference: weight is counted per group, for the root that m of its members' latest messages agree
/// on (see <see cref="GroupVotes"/>), and equivocation is per group (<see cref="OnGroupEquivocation"/>).
/// </remarks>
public sealed partial class ForkChoiceStore
{
    private readonly ForkChoiceConfig _config;
    private readonly List<BlockNode> _nodes = [];
    private readonly Dictionary<Root, int> _indices = [];
    private readonly Dictionary<GroupIndex, GroupVotes> _groups = [];
    private readonly HashSet<GroupIndex> _equivocating = [];

    // Balance of the groups agreeing on each root, kept up to date from the groups whose votes changed since the
    // last head computation: get_head costs O(blocks + changed groups), not O(groups).
    private readonly Dictionary<Root, ulong> _rootWeights = [];
    private readonly List<GroupVotes> _pending = [];
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
        UnrealizedJustified = anchor;
        UnrealizedFinalized = anchor;
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

    /// <summary>store.unrealized_justified_checkpoint: pulled up into <see cref="Justified"/> at the next epoch.</summary>
    public ForkChoiceCheckpoint UnrealizedJustified { get; private set; }

    /// <summary>store.unrealized_finalized_checkpoint.</summary>
    public ForkChoiceCheckpoint UnrealizedFinalized { get; private set; }

    /// <summary>store.proposer_boost_root, or null when no timely block has been seen this slot.</summary>
    public Root? ProposerBoostRoot { get; private set; }

    /// <summary>The blocks held: the finalized block and its descendants.</summary>
    public int BlockCount => _nodes.Count;

    /// <summary>True when the block is in the store.</summary>
    public bool Contains(Root root) => _indices.ContainsKey(root);

    /// <summary>
    /// on_tick: advances time; entering a new slot clears the proposer boost, entering a new epoch pulls
    /// the unrealized checkpoints up. Time never goes back.
    /// </summary>
    public void OnTick(ulong timeMs)
    {
        if (timeMs <= TimeMs)
        {
            return;
        }

        var previousSlot = CurrentSlot;
        var previousEpoch = CurrentEpoch;
        TimeMs = timeMs;
        if (CurrentSlot > previousSlot)
        {
            ProposerBoostRoot = null;
        }

        if (CurrentEpoch > previousEpoch)
        {
            UpdateCheckpoints(UnrealizedJustified, UnrealizedFinalized);
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
            _groups[group.Index] = votes = new GroupVotes(group);
        }

        MarkPending(votes);

        _totalBalance = checked(_totalBalance + group.Balance.Value);
    }

    /// <summary>
    /// on_attester_slashing for a group: once a group is proven to have equivocated (a verified group
    /// slashing), its votes no longer count, whatever its members vote next.
    /// </summary>
    public void OnGroupEquivocation(GroupIndex group)
    {
        if (_equivocating.Add(group) && _groups.TryGetValue(group, out var votes))
        {
            MarkPending(votes);
        }
    }

    /// <summary>update_checkpoints.</summary>
    private void UpdateCheckpoints(ForkChoiceCheckpoint justified, ForkChoiceCheckpoint finalized)
    {
        if (justified.Epoch > Justified.Epoch)
        {
            Justified = justified;
        }

        if (finalized.Epoch > Finalized.Epoch)
        {
            Finalized = finalized;
            PruneToFinalized();
        }
    }

    /// <summary>
    /// Drops every block that does not descend from the finalized block, which becomes the tree's root:
    /// no later head can leave its subtree, and a long-running node must not keep its whole history.
    /// </summary>
    private void PruneToFinalized()
    {
        var root = _indices[Finalized.Root];
        if (root == 0)
        {
            return;
        }

        var map = new int[_nodes.Count];
        var kept = new List<BlockNode>();
        for (var i = 0; i < _nodes.Count; i++)
        {
            var parent = _nodes[i].Parent;
            map[i] = i == root || (i > root && parent >= 0 && map[parent] >= 0) ? kept.Count : -1;
            if (map[i] >= 0)
            {
                kept.Add(new BlockNode(_nodes[i].Block, i == root ? -1 : map[parent]));
            }
        }

        _nodes.Clear();
        _indices.Clear();
        foreach (var node in kept)
        {
            AddNode(node.Block, node.Parent);
        }
    }

    private void MarkPending(GroupVotes votes)
    {
        if (!votes.Pending)
        {
            votes.Pending = true;
            _pending.Add(votes);
        }
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

    private sealed record BlockNode(ForkChoiceBlock Block, int Parent)
    {
        public List<int> Children { get; } = [];
    }
}
