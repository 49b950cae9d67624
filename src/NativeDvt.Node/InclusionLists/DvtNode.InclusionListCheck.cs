using NativeDvt.Consensus.InclusionLists;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Events;
using NativeDvt.Node.Identities;
using NativeDvt.Node.Profiles;

namespace NativeDvt.Node;

/// <remarks>What the complete inclusion lists a node holds decide: the block check, the head it votes for and builds on, and its payload.</remarks>
public sealed partial class DvtNode
{
    /// <summary>Complete lists of <paramref name="slot"/> from groups not caught equivocating; <paramref name="inTimeOnly"/> keeps those seen by the freeze.</summary>
    private List<InclusionList> HeldInclusionLists(Slot slot, bool inTimeOnly) =>
        _inclusionLists.Binding(slot, inTimeOnly ? Freeze(slot) : null);

    /// <summary>
    /// On import, before the fork choice takes the block: one that omits a transaction of a list bound by the previous
    /// slot's freeze is marked (once) and gets no proposer boost (EIP-7805).
    /// </summary>
    private bool SatisfiesInclusionLists(Root root, BeaconBlock block)
    {
        if (!InclusionListsOn || block.Slot.Value == 0 || !_ilChecked.Add(root))
        {
            return !_ilUnsatisfied.Contains(root);
        }

        var lists = HeldInclusionLists(new Slot(block.Slot.Value - 1), inTimeOnly: true);
        if (lists.Count == 0)
        {
            return true;
        }

        var omissions = InclusionListSatisfaction.Omissions(block.Body.Transactions, _config.PayloadBytes, lists);
        if (omissions.Count > 0)
        {
            _ilUnsatisfied.Add(root);
            _events.Receive(new BlockFailedInclusionCheck(Identity, block.Slot, root, omissions.Count, _now));
        }

        return omissions.Count == 0;
    }

    /// <summary>The head to vote for and build on: a head that failed the inclusion-list check gives way to its parent (EIP-7805's attester head).</summary>
    private Root InclusionListHead(Root head)
    {
        var root = head;
        while (_ilUnsatisfied.Contains(root) && _blocks.TryGetValue(root, out var stored) && stored.Block is { } signed && _blocks.ContainsKey(signed.Message.ParentRoot))
        {
            root = signed.Message.ParentRoot;
        }

        return root;
    }

    /// <summary>
    /// The block's transactions: the union of the previous slot's complete lists first, then the node's own pending ones.
    /// The censor profile leaves out every transaction the lists name.
    /// </summary>
    private IReadOnlyList<Bytes> PayloadFor(LocalIdentity me, Slot slot)
    {
        var own = _options.Mempool.Pending(slot, me.Id);
        var lists = InclusionListsOn && slot.Value > 0 ? HeldInclusionLists(new Slot(slot.Value - 1), inTimeOnly: false) : [];
        if (me.Profile.Kind == ClientProfileKind.Censor)
        {
            var listed = lists.SelectMany(l => l.Transactions).ToHashSet();
            return InclusionListSatisfaction.BuildPayload([], own.Where(t => !listed.Contains(t)), _config.PayloadBytes);
        }

        return InclusionListSatisfaction.BuildPayload(lists, own, _config.PayloadBytes);
    }
}
