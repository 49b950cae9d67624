using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.ForkChoice;

/// <summary>
/// The latest message of each member of one group and the root, if any, that at least m of them agree on.
/// </summary>
/// <remarks>
/// Our protocol's rule (protocol.md section 2), not Ethereum's: a group weighs in only for a root that m of
/// its members' latest messages name exactly, as on chain a group acts only when m members sign the same
/// data. With an unsafe threshold (m &lt;= n/2) two roots can both reach m; the one with more members wins
/// and a tie adds no weight.
/// </remarks>
internal sealed class GroupVotes
{
    private (Epoch Epoch, Root Root)?[] _latest;
    private Root? _agreed;
    private bool _dirty;

    public GroupVotes(ForkChoiceGroup group)
    {
        Group = group;
        _latest = new (Epoch, Root)?[group.Size];
    }

    public ForkChoiceGroup Group { get; private set; }

    /// <summary>True while the store has yet to recount this group's weight (its votes, balance or standing changed).</summary>
    public bool Pending { get; set; }

    /// <summary>The root this group's balance is counted on in the store's weights, if any.</summary>
    public Root? CountedRoot { get; set; }

    /// <summary>The balance counted on <see cref="CountedRoot"/>.</summary>
    public ulong CountedBalance { get; set; }

    public void Update(ForkChoiceGroup group)
    {
        if (group.Size != Group.Size)
        {
            Array.Resize(ref _latest, group.Size);
        }

        Group = group;
        _dirty = true;
    }

    /// <summary>Keeps the vote if it is the member's first or of a later epoch than its current one; true when kept.</summary>
    public bool Record(int member, Epoch epoch, Root root)
    {
        if (_latest[member] is { } current && current.Epoch >= epoch)
        {
            return false;
        }

        _latest[member] = (epoch, root);
        _dirty = true;
        return true;
    }

    public Root? AgreedRoot()
    {
        if (_dirty)
        {
            _agreed = ComputeAgreed();
            _dirty = false;
        }

        return _agreed;
    }

    private Root? ComputeAgreed()
    {
        Root? best = null;
        var bestCount = 0;
        var tie = false;
        for (var i = 0; i < _latest.Length; i++)
        {
            if (_latest[i] is not { } vote || SeenBefore(i, vote.Root))
            {
                continue;
            }

            var count = 0;
            foreach (var other in _latest)
            {
                if (other is { } o && o.Root == vote.Root)
                {
                    count++;
                }
            }

            if (count > bestCount)
            {
                (best, bestCount, tie) = (vote.Root, count, false);
            }
            else if (count == bestCount)
            {
                tie = true;
            }
        }

        return bestCount >= Group.Threshold && !tie ? best : null;
    }

    private bool SeenBefore(int index, Root root)
    {
        for (var j = 0; j < index; j++)
        {
            if (_latest[j] is { } earlier && earlier.Root == root)
            {
                return true;
            }
        }

        return false;
    }
}
