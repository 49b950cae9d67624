using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.InclusionLists;

/// <summary>
/// Whether a block's transactions satisfy a set of inclusion lists, and the payload an honest proposer builds.
/// </summary>
/// <remarks>
/// EIP-7805 is_inclusion_list_satisfied without an execution layer: a listed transaction may be missing only when it
/// could not have been appended, which here means the payload's bytes plus the transaction's exceed the payload
/// capacity (the stand-in for "the block is full"); there is no nonce or balance to make it invalid.
/// </remarks>
public static class InclusionListSatisfaction
{
    /// <summary>
    /// The listed transactions missing from <paramref name="payload"/> although they fit in <paramref name="capacity"/>
    /// bytes; each transaction is reported once, with the lowest group listing it (lists are visited by group).
    /// </summary>
    public static IReadOnlyList<InclusionListOmission> Omissions(IReadOnlyList<Bytes> payload, ulong capacity, IEnumerable<InclusionList> lists)
    {
        var included = payload.ToHashSet();
        var used = TransactionLists.TotalBytes(payload);
        var omissions = new List<InclusionListOmission>();
        foreach (var list in lists.OrderBy(l => l.GroupIndex.Value))
        {
            foreach (var transaction in list.Transactions)
            {
                if (used + (ulong)transaction.Length <= capacity && included.Add(transaction))
                {
                    omissions.Add(new InclusionListOmission(list.GroupIndex, transaction));
                }
            }
        }

        return omissions;
    }

    /// <summary>True when no listed transaction that fits is missing.</summary>
    public static bool IsSatisfied(IReadOnlyList<Bytes> payload, ulong capacity, IEnumerable<InclusionList> lists) =>
        Omissions(payload, capacity, lists).Count == 0;

    /// <summary>
    /// An honest proposer's payload: the union of the lists' transactions first (by group, then list order), then
    /// <paramref name="own"/>, without duplicates, skipping any transaction that no longer fits in <paramref name="capacity"/>.
    /// </summary>
    public static IReadOnlyList<Bytes> BuildPayload(IEnumerable<InclusionList> lists, IEnumerable<Bytes> own, ulong capacity)
    {
        var payload = new List<Bytes>();
        var seen = new HashSet<Bytes>();
        ulong used = 0;
        foreach (var transaction in lists.OrderBy(l => l.GroupIndex.Value).SelectMany(l => l.Transactions).Concat(own))
        {
            if (used + (ulong)transaction.Length <= capacity && seen.Add(transaction))
            {
                payload.Add(transaction);
                used += (ulong)transaction.Length;
            }
        }

        return payload;
    }
}
