using NativeDvt.Consensus.Types;

namespace NativeDvt.Node.Identities;

/// <summary>
/// A member's index within its group: an <c>int</c> everywhere in the node (<see cref="Events.MemberId.Member"/>,
/// signatures by member, seen-message caches, events), a uint64 in the SSZ messages. The two meet only here.
/// </summary>
internal static class MemberIndex
{
    /// <summary>The index as a message carries it.</summary>
    public static ulong ToWire(int member) => (ulong)member;

    /// <summary>A message's index as the node's; false when <paramref name="group"/> has no such member (the message is malformed).</summary>
    public static bool TryRead(ulong wire, Group group, out int member)
    {
        var inGroup = wire < (ulong)group.Size;
        member = inGroup ? (int)wire : -1;
        return inGroup;
    }

    /// <summary>The index of a message already checked against its group (by <see cref="TryRead"/>, or a block's by the state transition).</summary>
    public static int FromChecked(ulong wire) => (int)wire;
}
