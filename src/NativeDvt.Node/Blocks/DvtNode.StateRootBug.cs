using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Profiles;
using NativeDvt.Node.Sharing;

namespace NativeDvt.Node;

public sealed partial class DvtNode
{
    /// <summary>What the bug-invalid-state-root profile mixes into every state root it computes once triggered.</summary>
    private const ulong StateRootBugTag = 0xB0C5_7A7E;

    /// <summary>
    /// The bug-invalid-state-root profile from its trigger slot on: the state root it computes for a block of
    /// <paramref name="slot"/> is wrong. View-wide: it follows the node's own identity.
    /// </summary>
    private bool StateRootBugAt(Slot slot) =>
        _options.Profile.Kind == ClientProfileKind.BugInvalidStateRoot && slot.Value >= _options.Profile.TriggerSlot;

    /// <summary>The state root this node believes a block of <paramref name="slot"/> leads to (a wrong one when its bug fires).</summary>
    private Root ComputedStateRoot(BeaconState post, Slot slot) =>
        StateRootBugAt(slot) ? Hashing.Hash(post.HashTreeRoot(), StateRootBugTag) : post.HashTreeRoot();

    /// <summary>
    /// A proposal's state transition as this node runs it. Honest: through the shared cache, state root included. A
    /// triggered bug shares only the body's processing and compares the block's root with its own wrong one.
    /// </summary>
    private (BeaconState? Post, BlockError? Error) ValidateProposal(Root root, BeaconBlock block, StoredBlock parent)
    {
        if (!StateRootBugAt(block.Slot))
        {
            return _states.ValidateUnsigned(root, block, parent);
        }

        var (post, error) = _states.ValidateUnsigned(root, block, parent, checkStateRoot: false);
        return post is not null && block.StateRoot != ComputedStateRoot(post, block.Slot) ? (null, StateRootMismatch) : (post, error);
    }

    /// <summary>A complete block's import as this node runs it (see <see cref="ValidateProposal"/>).</summary>
    private (StoredBlock? Block, BlockError? Error) ImportComplete(Root root, SignedBeaconBlock signed, byte[] data, StoredBlock parent, bool signatureVerified)
    {
        var slot = signed.Message.Slot;
        if (!StateRootBugAt(slot))
        {
            return _states.Import(root, signed, data, parent, checkStateRoot: true, signatureVerified);
        }

        var (stored, error) = _states.Import(root, signed, data, parent, checkStateRoot: false, signatureVerified);
        if (stored is null)
        {
            return (null, error);
        }

        if (signed.Message.StateRoot != ComputedStateRoot(stored.PostState, slot))
        {
            return (null, StateRootMismatch);
        }

        // The next slot caches the state root into the latest header; a client whose state really hashed to the wrong
        // root would cache that one, so the buggy fork's headers (and so its children's parent roots) stay its own.
        var post = stored.PostState.Copy();
        post.LatestBlockHeader = post.LatestBlockHeader with { StateRoot = signed.Message.StateRoot };
        return (stored with { PostState = post }, null);
    }

    private static BlockError StateRootMismatch => new(BlockRule.StateTransition, "state root does not match the post-state");
}
