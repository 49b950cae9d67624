using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Types;

/// <summary>Sizes of opaque transaction lists (a block's payload, an inclusion list).</summary>
public static class TransactionLists
{
    /// <summary>The sum of the transactions' lengths: the figure the payload and inclusion-list byte caps limit.</summary>
    public static ulong TotalBytes(IReadOnlyList<Bytes> transactions)
    {
        ulong total = 0;
        foreach (var transaction in transactions)
        {
            total += (ulong)transaction.Length;
        }

        return total;
    }
}
