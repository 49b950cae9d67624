using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Node.Blocks;

/// <summary>
/// Roots of blocks that failed the state transition, so that their descendants are rejected at once (the p2p spec's
/// "[REJECT] the block's parent passes validation") instead of waiting as orphans for a parent that will never import.
/// A block whose only fault was its group signature is not kept: the signature is not part of the root, and the same
/// message correctly signed must still import.
/// </summary>
internal sealed class InvalidBlocks
{
    /// <summary>Roots kept: a peer sending invalid blocks cannot grow the set past this; the oldest slots go first.</summary>
    private const int Capacity = 256;

    private readonly Dictionary<Root, Slot> _roots = [];

    /// <summary>Whether <paramref name="root"/> is known to be invalid.</summary>
    public bool Contains(Root root) => _roots.ContainsKey(root);

    /// <summary>Remembers that the block <paramref name="root"/> of <paramref name="slot"/> is invalid.</summary>
    public void Add(Root root, Slot slot)
    {
        if (_roots.Count >= Capacity && !_roots.ContainsKey(root))
        {
            _roots.Remove(_roots.MinBy(r => r.Value.Value).Key);
        }

        _roots[root] = slot;
    }

    /// <summary>Forgets blocks at or below the finalized <paramref name="slot"/>: their descendants are ignored there anyway.</summary>
    public void PruneAtOrBelow(Slot slot)
    {
        foreach (var root in _roots.Where(r => r.Value <= slot).Select(r => r.Key).ToList())
        {
            _roots.Remove(root);
        }
    }
}
