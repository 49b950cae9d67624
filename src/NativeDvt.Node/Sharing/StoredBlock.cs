using NativeDvt.Consensus.ForkChoice;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Node.Sharing;

/// <summary>
/// A block that passed the state transition, with its post-state. Shared by every node of a process
/// that holds the block: <see cref="PostState"/> must never be mutated (copy it first).
/// </summary>
/// <param name="Root">The block's hash_tree_root.</param>
/// <param name="Block">The signed block; null for the anchor (genesis).</param>
/// <param name="PostState">The state after the block.</param>
/// <param name="ForkChoice">The block as fork choice takes it (checkpoints, pulled-up tip).</param>
/// <param name="Encoded">The block's SSZ bytes, to answer block requests; empty for the anchor.</param>
public sealed record StoredBlock(Root Root, SignedBeaconBlock? Block, BeaconState PostState, ForkChoiceBlock ForkChoice, byte[] Encoded)
{
    /// <summary>The block's slot.</summary>
    public Slot Slot => ForkChoice.Slot;
}
