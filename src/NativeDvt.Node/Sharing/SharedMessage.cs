using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Node.Sharing;

/// <summary>A gossip payload decoded once per process, with its root and whether its signatures were already found valid.</summary>
/// <typeparam name="T">The message type.</typeparam>
public sealed class SharedMessage<T>(T value, Root root)
{
    /// <summary>The decoded message (immutable).</summary>
    public T Value { get; } = value;

    /// <summary>Its hash_tree_root (a block's root, an attestation's data root).</summary>
    public Root Root { get; } = root;

    /// <summary>
    /// Set once a node found a block's group signature valid; later nodes skip the check. Only for blocks: the keys
    /// that check a block come from its parent's state, the same for every node.
    /// </summary>
    public bool SignaturesVerified { get; set; }

    /// <summary>
    /// Set once a node found an attestation's group in the committee its data names. The answer depends only on the
    /// target block's chain, so a later node holding that block skips the shuffling lookup.
    /// </summary>
    public bool InCommittee { get; set; }

    private VerifiedKeys? _verifiedWith;

    /// <summary>
    /// True when a node already found the signatures valid against this very key list of the group: nodes on
    /// different heads may hold different keys for one group (a key rotation included on one fork only), so the
    /// verdict is shared only between views whose group record carries the same key lists (the same objects).
    /// </summary>
    public bool VerifiedWith(Group group) =>
        _verifiedWith is { } keys && ReferenceEquals(keys.Pubkeys, group.Pubkeys) && ReferenceEquals(keys.Changes, group.KeyChanges);

    /// <summary>Records that the signatures are valid against <paramref name="group"/>'s keys.</summary>
    /// <remarks>Written only when it changes: every receiver marks, and a shared write per delivery would bounce the line between cores.</remarks>
    public void MarkVerifiedWith(Group group)
    {
        if (!VerifiedWith(group))
        {
            _verifiedWith = new VerifiedKeys(group.Pubkeys, group.KeyChanges);
        }
    }

    private sealed record VerifiedKeys(object Pubkeys, object Changes);
}
