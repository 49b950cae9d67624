using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Node.Sharing;

/// <summary>A gossip payload decoded once per process, with its root and whether its signatures were already found valid.</summary>
/// <typeparam name="T">The message type.</typeparam>
public sealed class SharedMessage<T>(T value, Root root)
{
    /// <summary>The decoded message (immutable).</summary>
    public T Value { get; } = value;

    /// <summary>Its hash_tree_root (a block's root, an attestation's data root).</summary>
    public Root Root { get; } = root;

    /// <summary>Set once a node verified the signatures against the group's keys; later nodes skip the check.</summary>
    public bool SignaturesVerified { get; set; }

    /// <summary>
    /// Set once a node found an attestation's group in the committee its data names. The answer depends only on the
    /// target block's chain, so a later node holding that block skips the shuffling lookup.
    /// </summary>
    public bool InCommittee { get; set; }
}
