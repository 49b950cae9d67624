using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.State;

namespace NativeDvt.Node.Evidence;

/// <summary>
/// The data root each member voted per target epoch, to catch a second, different vote (a member equivocation). Every
/// member votes once per epoch, so a view serving a large chain keeps one flat array per epoch indexed by (group,
/// member) instead of a dictionary entry per vote: one memory access per vote and no hashing. Groups added after
/// genesis fall back to a dictionary.
/// </summary>
internal sealed class VoteEvidence
{
    private readonly int[] _firstOfGroup;
    private readonly Dictionary<Epoch, Root[]> _byEpoch = [];
    private readonly Dictionary<(GroupIndex Group, int Member, Epoch Target), Root> _others = [];

    /// <summary>Evidence for the members of <paramref name="registry"/>'s groups (genesis).</summary>
    public VoteEvidence(GroupRegistry registry)
    {
        _firstOfGroup = new int[registry.Count + 1];
        for (var i = 0; i < registry.Count; i++)
        {
            _firstOfGroup[i + 1] = _firstOfGroup[i] + registry[i].Size;
        }
    }

    /// <summary>Records the vote; false when the member already voted a different data root for that target epoch.</summary>
    public bool Record(GroupIndex group, int member, Epoch target, Root dataRoot)
    {
        if (group.Value >= (ulong)(_firstOfGroup.Length - 1) || member < 0 || member >= _firstOfGroup[group.Value + 1] - _firstOfGroup[group.Value])
        {
            return _others.TryAdd((group, member, target), dataRoot) || _others[(group, member, target)] == dataRoot;
        }

        if (!_byEpoch.TryGetValue(target, out var roots))
        {
            _byEpoch[target] = roots = new Root[_firstOfGroup[^1]];
        }

        // No vote has an all-zero data root (a SHA-256 output), so the default marks an empty place.
        ref var held = ref roots[_firstOfGroup[group.Value] + member];
        if (held == default)
        {
            held = dataRoot;
            return true;
        }

        return held == dataRoot;
    }

    /// <summary>Forgets votes for target epochs before <paramref name="epoch"/>.</summary>
    public void PruneBefore(Epoch epoch)
    {
        foreach (var old in _byEpoch.Keys.Where(e => e < epoch).ToList())
        {
            _byEpoch.Remove(old);
        }

        foreach (var key in _others.Keys.Where(k => k.Target < epoch).ToList())
        {
            _others.Remove(key);
        }
    }
}
