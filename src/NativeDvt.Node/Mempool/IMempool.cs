using NativeDvt.Consensus.Primitives;
using NativeDvt.Node.Events;

namespace NativeDvt.Node.Mempool;

/// <summary>Where a node's transactions come from: the host's (simulated) mempool, as one identity sees it.</summary>
public interface IMempool
{
    /// <summary>The transactions pending for the block of <paramref name="blockSlot"/> that <paramref name="viewer"/> sees, in a fixed order.</summary>
    IReadOnlyList<Bytes> Pending(Slot blockSlot, MemberId viewer);
}
