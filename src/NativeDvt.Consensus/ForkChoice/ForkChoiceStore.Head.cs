using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.ForkChoice;

public sealed partial class ForkChoiceStore
{
    /// <summary>get_head: from the justified block, repeatedly the viable child of greatest (weight, root).</summary>
    public Root GetHead()
    {
        var weights = ComputeWeights();
        var viable = ComputeViability();
        var head = _indices[Justified.Root];
        while (true)
        {
            var best = -1;
            foreach (var child in _nodes[head].Children)
            {
                if (viable[child] && (best < 0 || IsHeavier(child, best, weights)))
                {
                    best = child;
                }
            }

            if (best < 0)
            {
                return _nodes[head].Block.Root;
            }

            head = best;
        }
    }

    /// <summary>get_weight: the balance of groups whose agreed root descends from <paramref name="root"/>, plus the proposer boost on its branch.</summary>
    public Gwei GetWeight(Root root) =>
        _indices.TryGetValue(root, out var index) ? new Gwei(ComputeWeights()[index]) : Gwei.Zero;

    /// <summary>get_proposer_score: PROPOSER_SCORE_BOOST percent of one slot's share of the total weight.</summary>
    public Gwei ProposerScore => new(checked(_totalBalance / _config.SlotsPerEpoch * _config.ProposerScoreBoost) / 100);

    private bool IsHeavier(int candidate, int best, ulong[] weights)
    {
        if (weights[candidate] != weights[best])
        {
            return weights[candidate] > weights[best];
        }

        // Ties go to the lexicographically greater root, as max() over (weight, root) in the spec.
        Span<byte> left = stackalloc byte[Root.Length];
        Span<byte> right = stackalloc byte[Root.Length];
        _nodes[candidate].Block.Root.CopyTo(left);
        _nodes[best].Block.Root.CopyTo(right);
        return left.SequenceCompareTo(right) > 0;
    }

    /// <summary>Every block's weight in one pass: each group's balance lands on its agreed root, then flows to ancestors.</summary>
    private ulong[] ComputeWeights()
    {
        SettlePendingGroups();
        var weights = new ulong[_nodes.Count];
        for (var i = 0; i < _nodes.Count; i++)
        {
            weights[i] = _rootWeights.GetValueOrDefault(_nodes[i].Block.Root);
        }

        // Parents are always added before their children, so a reverse walk sees every child first.
        for (var i = _nodes.Count - 1; i > 0; i--)
        {
            var parent = _nodes[i].Parent;
            if (parent >= 0)
            {
                weights[parent] = checked(weights[parent] + weights[i]);
            }
        }

        if (ProposerBoostRoot is { } boosted && _indices.TryGetValue(boosted, out var boostedIndex))
        {
            var score = ProposerScore.Value;
            for (var i = boostedIndex; i >= 0; i = _nodes[i].Parent)
            {
                weights[i] = checked(weights[i] + score);
            }
        }

        return weights;
    }

    /// <summary>Moves the balance of every group whose votes, balance or standing changed onto its agreed root now.</summary>
    private void SettlePendingGroups()
    {
        foreach (var group in _pending)
        {
            group.Pending = false;
            if (group.CountedRoot is { } counted)
            {
                var left = _rootWeights.GetValueOrDefault(counted) - group.CountedBalance;
                if (left == 0)
                {
                    _rootWeights.Remove(counted);
                }
                else
                {
                    _rootWeights[counted] = left;
                }
            }

            var root = _equivocating.Contains(group.Group.Index) ? null : group.AgreedRoot();
            group.CountedRoot = root;
            group.CountedBalance = group.Group.Balance.Value;
            if (root is { } agreed)
            {
                _rootWeights[agreed] = checked(_rootWeights.GetValueOrDefault(agreed) + group.CountedBalance);
            }
        }

        _pending.Clear();
    }

    /// <summary>filter_block_tree for every block: a leaf is viable when its voting source agrees with the store's justification; an inner block when any child is.</summary>
    private bool[] ComputeViability()
    {
        var viable = new bool[_nodes.Count];
        for (var i = _nodes.Count - 1; i >= 0; i--)
        {
            var node = _nodes[i];
            viable[i] = node.Children.Count > 0 ? node.Children.Exists(child => viable[child]) : IsViableLeaf(i);
        }

        return viable;
    }

    private bool IsViableLeaf(int index)
    {
        var block = _nodes[index].Block;
        var currentEpoch = CurrentEpoch;

        // get_voting_source: a block from a past epoch votes with its pulled-up justification.
        var votingSource = EpochOf(block.Slot) < currentEpoch ? block.PulledUpJustified : block.Justified;
        var correctJustified = Justified.Epoch == Epoch.Zero || votingSource.Epoch == Justified.Epoch;
        if (!correctJustified && Justified.Epoch.Value + 1 == currentEpoch.Value)
        {
            // The previous epoch is justified: accept a tip that would pull up to it and is recent enough.
            correctJustified = block.PulledUpJustified.Epoch >= Justified.Epoch && votingSource.Epoch.Value + 2 >= currentEpoch.Value;
        }

        // The spec's correct_finalized test always holds here: the tree is pruned to the finalized subtree.
        return correctJustified;
    }
}
