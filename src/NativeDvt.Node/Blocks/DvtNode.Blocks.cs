using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Blocks;
using NativeDvt.Node.Events;
using NativeDvt.Node.Network;

namespace NativeDvt.Node;

public sealed partial class DvtNode
{
    private readonly OrphanBlocks _orphans = new();
    private readonly InvalidBlocks _invalid = new();

    /// <summary>The SSZ bytes of a block the node holds (to answer a peer's request), or null.</summary>
    public byte[]? BlockBytes(Root root) => _blocks.TryGetValue(root, out var block) && block.Block is not null ? block.Encoded : null;

    private GossipVerdict OnBlockGossip(byte[] data)
    {
        var message = _states.Messages.Decode(data, SignedBeaconBlock.CodecFor(_preset), b => SszRoots.Of(b.Message, _preset));
        var (signed, root) = (message.Value, message.Root);
        if (_blocks.ContainsKey(root))
        {
            return GossipVerdict.Ignore;
        }

        // Blocks of a future slot are not taken early (MAXIMUM_GOSSIP_CLOCK_DISPARITY is 0 on virtual time).
        if (signed.Message.Slot > CurrentSlot)
        {
            return GossipVerdict.Ignore;
        }

        if (signed.Message.Slot <= ChainTime.StartSlot(_preset, _forkChoice.Finalized.Epoch) && _forkChoice.Finalized.Epoch.Value > 0)
        {
            return GossipVerdict.Ignore;
        }

        var verdict = ImportBlock(root, signed, data, message.SignaturesVerified);
        message.SignaturesVerified |= verdict == GossipVerdict.Accept;
        return verdict;
    }

    private GossipVerdict ImportBlock(Root root, SignedBeaconBlock signed, byte[] data, bool signatureVerified = false)
    {
        var block = signed.Message;
        if (_invalid.Contains(block.ParentRoot))
        {
            RejectDescendant(root, block);
            return GossipVerdict.Reject;
        }

        if (!_blocks.TryGetValue(block.ParentRoot, out var parent))
        {
            SawUnconnected(block.Slot);
            if (_orphans.Keep(root, signed, data))
            {
                _network.RequestBlock(block.ParentRoot);
            }

            return GossipVerdict.Ignore;
        }

        var (stored, error) = ImportComplete(root, signed, data, parent, signatureVerified);
        if (stored is null)
        {
            _events.Receive(new BlockRejected(Identity, block.Slot, root, error?.ToString() ?? "invalid", _now));
            if (error?.Rule != BlockRule.VerifyBlockSignature)
            {
                _invalid.Add(root, block.Slot);
                RejectWaitingChildren(root);
            }

            return GossipVerdict.Reject;
        }

        var outcome = _forkChoice.OnBlock(stored.ForkChoice, boostEligible: SatisfiesInclusionLists(root, block));
        if (!outcome.IsAccepted)
        {
            return GossipVerdict.Ignore;
        }

        // The shared record holds the signed copy its first importer got; another copy of the same block (other
        // signers) is kept as this node got it, so what it answers to block requests does not depend on which node
        // imported first (nodes may import at once on several threads).
        if (stored.Block is not null && !ReferenceEquals(stored.Encoded, data))
        {
            stored = stored with { Block = signed, Encoded = data };
        }

        _blocks[root] = stored;
        foreach (var attestation in block.Body.Attestations)
        {
            CountGroupAttestation(attestation, fromBlock: true);
            RecordIncludedVote(attestation);
        }

        OnSlashingsIncluded(block);
        OnKeyRotationsIncluded(block);
        RecordCompleteBlock(root, signed);
        _events.Receive(new BlockImported(Identity, block.Slot, root, _now));
        if (block.Slot == CurrentSlot && _slotStarted && _slot == block.Slot)
        {
            foreach (var me in _identities)
            {
                RunAttesterDuty(me, block.Slot);
            }
        }

        if (_orphans.TakeChildren(root, out var children))
        {
            foreach (var (childRoot, child, childData) in children)
            {
                ImportBlock(childRoot, child, childData);
            }
        }

        return GossipVerdict.Accept;
    }

    /// <summary>A block built on an invalid one is invalid too, and so are the blocks waiting on it.</summary>
    private void RejectDescendant(Root root, BeaconBlock block)
    {
        _invalid.Add(root, block.Slot);
        _events.Receive(new BlockRejected(Identity, block.Slot, root, ParentInvalid, _now));
        RejectWaitingChildren(root);
    }

    // No root in the reason: metrics tag rejections by reason, and the event names the block already.
    private static string ParentInvalid { get; } = new BlockError(BlockRule.StateTransition, "built on an invalid block").ToString();

    private void RejectWaitingChildren(Root root)
    {
        if (_orphans.TakeChildren(root, out var children))
        {
            foreach (var (childRoot, child, _) in children)
            {
                RejectDescendant(childRoot, child.Message);
            }
        }
    }

    private bool IsAncestor(Root ancestor, Root descendant)
    {
        var cursor = descendant;
        while (_blocks.TryGetValue(cursor, out var block))
        {
            if (cursor == ancestor)
            {
                return true;
            }

            if (block.Block is null)
            {
                return false;
            }

            cursor = block.Block.Message.ParentRoot;
        }

        return false;
    }
}
