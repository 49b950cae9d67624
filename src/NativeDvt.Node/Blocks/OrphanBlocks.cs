using System.Diagnostics.CodeAnalysis;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Node.Blocks;

/// <summary>
/// Blocks whose parent the node lacks, kept until the parent arrives, and the parents it asked its peers for
/// (BeaconBlocksByRoot through <see cref="Network.IGossipNetwork.RequestBlock"/>).
/// </summary>
internal sealed class OrphanBlocks
{
    /// <summary>Children kept per missing parent: a peer cannot fill the node's memory with blocks on an unknown root.</summary>
    private const int PerParent = 8;

    private readonly Dictionary<Root, List<(Root Root, SignedBeaconBlock Block, byte[] Data)>> _byParent = [];
    private readonly HashSet<Root> _requested = [];

    /// <summary>Keeps <paramref name="block"/> until its parent arrives; true when the parent was not asked for yet.</summary>
    public bool Keep(Root root, SignedBeaconBlock block, byte[] data)
    {
        var parent = block.Message.ParentRoot;
        if (!_byParent.TryGetValue(parent, out var waiting))
        {
            _byParent[parent] = waiting = [];
        }

        if (waiting.Count < PerParent && !waiting.Any(w => w.Root == root))
        {
            waiting.Add((root, block, data));
        }

        return _requested.Add(parent);
    }

    /// <summary>The blocks waiting for <paramref name="parent"/>, which the node now holds; they wait no longer.</summary>
    public bool TakeChildren(Root parent, [MaybeNullWhen(false)] out List<(Root Root, SignedBeaconBlock Block, byte[] Data)> children) =>
        _byParent.Remove(parent, out children);

    /// <summary>Forgets parents whose every waiting child is at or below the finalized <paramref name="slot"/>, and every request.</summary>
    public void PruneAtOrBelow(Slot slot)
    {
        foreach (var parent in _byParent.Where(o => o.Value.All(w => w.Block.Message.Slot <= slot)).Select(o => o.Key).ToList())
        {
            _byParent.Remove(parent);
        }

        _requested.Clear();
    }
}
