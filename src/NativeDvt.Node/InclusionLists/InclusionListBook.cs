using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Node.InclusionLists;

/// <summary>
/// The complete inclusion lists a node holds: per slot, each group's first list with when the node got it, and the
/// groups caught with a second, different one (EIP-7805: an equivocating group's lists stop binding).
/// </summary>
internal sealed class InclusionListBook
{
    private readonly Dictionary<Slot, Dictionary<GroupIndex, HeldInclusionList>> _lists = [];
    private readonly HashSet<(Slot Slot, GroupIndex Group)> _equivocations = [];

    /// <summary>What <see cref="Take"/> did with a list.</summary>
    public enum Outcome
    {
        /// <summary>Nothing new: the list is held already, or its group equivocated.</summary>
        Known,

        /// <summary>A second list of its group for the slot: the group's lists of that slot no longer bind.</summary>
        Equivocation,

        /// <summary>The group's first list of the slot, now held.</summary>
        Held,
    }

    /// <summary>Whether the book holds a list of <paramref name="group"/> for <paramref name="slot"/> (equivocating or not).</summary>
    public bool Holds(Slot slot, GroupIndex group) => _lists.TryGetValue(slot, out var lists) && lists.ContainsKey(group);

    /// <summary>Takes a complete list the node got at <paramref name="now"/>.</summary>
    public Outcome Take(SignedInclusionList signed, Root root, TimeSpan now)
    {
        var list = signed.Message;
        if (_equivocations.Contains((list.Slot, list.GroupIndex)))
        {
            return Outcome.Known;
        }

        if (!_lists.TryGetValue(list.Slot, out var lists))
        {
            _lists[list.Slot] = lists = [];
        }

        if (lists.TryGetValue(list.GroupIndex, out var held))
        {
            if (held.Root == root)
            {
                return Outcome.Known;
            }

            _equivocations.Add((list.Slot, list.GroupIndex));
            return Outcome.Equivocation;
        }

        lists[list.GroupIndex] = new HeldInclusionList(signed, root, now);
        return Outcome.Held;
    }

    /// <summary>The lists of <paramref name="slot"/> that bind: of groups not caught equivocating, got by <paramref name="seenBy"/> if given.</summary>
    public List<InclusionList> Binding(Slot slot, TimeSpan? seenBy) =>
        _lists.TryGetValue(slot, out var lists)
            ? [.. lists.Values
                .Where(h => !_equivocations.Contains((slot, h.List.Message.GroupIndex)) && (seenBy is not { } by || h.SeenAt <= by))
                .Select(h => h.List.Message)]
            : [];

    /// <summary>Forgets the lists of every slot <paramref name="old"/> names.</summary>
    public void Prune(Func<Slot, bool> old)
    {
        foreach (var slot in _lists.Keys.Where(old).ToList())
        {
            _lists.Remove(slot);
        }

        _equivocations.RemoveWhere(e => old(e.Slot));
    }
}
