using NativeDvt.Consensus.Duties;
using NativeDvt.Consensus.InclusionLists;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;
using NativeDvt.Crypto;
using NativeDvt.Node.Events;
using NativeDvt.Node.Identities;
using NativeDvt.Node.InclusionLists;
using NativeDvt.Node.Sharing;
using NativeDvt.Node.Timing;
using NativeDvt.Ssz;

namespace NativeDvt.Node;

/// <remarks>
/// Inclusion lists (protocol.md section 6, EIP-7805 on the devnet's twelfths; docs/inclusion-lists.md): during slot S the
/// groups of S's committee make their lists with the block's leader/follow rule, rank r at (6 + r)/12 of S; lists seen
/// by 9/12 of S (the freeze) bind the block of S + 1. Its proposer puts the union of the lists it holds first in its
/// payload; a node that finds a block omitting a binding transaction neither votes for it nor builds on it.
/// </remarks>
public sealed partial class DvtNode
{
    private readonly Dictionary<(Slot Slot, GroupIndex Group), InclusionListRound> _ilRounds = [];
    private readonly InclusionListBook _inclusionLists = new();
    private readonly HashSet<(Slot Slot, Root Root, int Member)> _seenIlProposals = [];
    private readonly HashSet<(Slot Slot, GroupIndex Group, int Member, Root Root)> _seenIlFollows = [];
    private readonly HashSet<Root> _ilChecked = [];
    private readonly HashSet<Root> _ilUnsatisfied = [];

    private bool InclusionListsOn => _preset.InclusionListCommitteeSize > 0;

    /// <summary>The committee of <paramref name="slot"/> in this view; null when the view's state is too far behind to know it.</summary>
    private InclusionListCommitteeView? IlCommittee(Slot slot) =>
        EpochOf(slot) <= _slotState.CurrentEpoch + 1 ? InclusionListCommitteeCache.For(_states).Get(_slotState, slot) : null;

    private TimeSpan Freeze(Slot slot) => _timing.At(slot, SlotPhase.InclusionListFreeze);

    private bool InIlWindow(Slot slot) => slot <= CurrentSlot && slot.Value + 1 >= CurrentSlot.Value;

    private Root IlSigningRoot(Slot slot, Root listRoot) => Domains.ComputeSigningRoot(listRoot, Domain(Domains.InclusionList, EpochOf(slot)));

    /// <summary>At slot start: a round for each identity whose group is on the slot's committee; old rounds and lists pruned.</summary>
    private void OnInclusionListSlotStart(Slot slot, BeaconState state)
    {
        if (!InclusionListsOn)
        {
            return;
        }

        var committee = InclusionListCommitteeCache.For(_states).Get(state, slot);
        foreach (var me in _identities.Where(i => committee.Contains(i.Group) && !_ilRounds.ContainsKey((slot, i.Group))))
        {
            var ranking = GroupDuties.RankMembers(state, slot, me.Group);
            _ilRounds[(slot, me.Group)] = new InclusionListRound(me, slot, ranking, Array.IndexOf(ranking, me.Member));
        }

        bool Old(Slot s) => s.Value + 2 < slot.Value;
        foreach (var old in _ilRounds.Keys.Where(k => Old(k.Slot)).ToList())
        {
            _ilRounds.Remove(old);
        }

        _inclusionLists.Prune(Old);
        _seenIlProposals.RemoveWhere(p => Old(p.Slot));
        _seenIlFollows.RemoveWhere(f => Old(f.Slot));
        _ilChecked.RemoveWhere(r => !_blocks.ContainsKey(r));
        _ilUnsatisfied.RemoveWhere(r => !_blocks.ContainsKey(r));
        if (slot.Value < 2)
        {
            return;
        }

        foreach (var me in _identities)
        {
            me.Signer.PruneInclusionLists(new Slot(slot.Value - 2));
        }
    }

    /// <summary>Leader/follow for each served group's list: rank r proposes at (6 + r)/12 if no proposal of the group was seen; at the freeze a miss is reported.</summary>
    private void RunInclusionListDuty(Slot slot, int twelfths)
    {
        foreach (var round in _ilRounds.Values.Where(r => r.Slot == slot).ToList())
        {
            if (twelfths >= SlotPhase.InclusionListFreeze)
            {
                ReportInclusionListMiss(round);
            }
            else
            {
                RunInclusionListRound(round, twelfths);
            }
        }
    }

    private void RunInclusionListRound(InclusionListRound round, int twelfths)
    {
        var due = twelfths >= SlotPhase.InclusionList + round.MyRank;
        var quiet = round.MyRank == 0 || round.Proposals.Count == 0;
        if (!round.ProposedByMe && due && quiet && round.Signed is null)
        {
            ProposeInclusionList(round);
        }

        foreach (var (root, at) in round.ThresholdAt.ToList())
        {
            if (_now >= at + _timing.LeaderTimeout)
            {
                TryAssembleInclusionList(round, root, force: true);
            }
        }
    }

    private TimeSpan? NextInclusionListTick(Slot slot, int twelfths) =>
        _ilRounds.Values.Any(r => r.Slot == slot && !r.MissReported) && twelfths < SlotPhase.InclusionListFreeze
            ? _timing.At(slot, Math.Max(twelfths + 1, SlotPhase.InclusionList))
            : null;

    private void ReportInclusionListMiss(InclusionListRound round)
    {
        if (round.MissReported)
        {
            return;
        }

        round.MissReported = true;
        var me = round.Me;
        if (HoldsInclusionList(round.Slot, me.Group))
        {
            return;
        }

        var group = GroupOf(me.Group);
        var most = round.Signatures.Values.Select(s => s.Count).DefaultIfEmpty(0).Max();
        var reason = round.Proposals.Count == 0
            ? "no proposal by the freeze deadline"
            : $"{most} of {(group is null ? 0 : GroupSignatures.Threshold(group))} signatures by the freeze deadline";
        _events.Receive(new InclusionListMissed(me.Id, round.Slot, me.Group, reason, _now));
    }

    private void ProposeInclusionList(InclusionListRound round)
    {
        round.ProposedByMe = true;
        var me = round.Me;
        var committee = IlCommittee(round.Slot);
        if (committee is null || !committee.Contains(me.Group))
        {
            return;
        }

        var transactions = new List<Bytes>();
        ulong bytes = 0;
        foreach (var transaction in _options.Mempool.Pending(round.Slot + 1, me.Id))
        {
            if (bytes + (ulong)transaction.Length <= _preset.MaxBytesPerInclusionList)
            {
                transactions.Add(transaction);
                bytes += (ulong)transaction.Length;
            }
        }

        var list = new InclusionList(round.Slot, me.Group, committee.Root, transactions);
        var root = InclusionListRules.RootOf(list);
        var (signature, refusal) = me.Signer.SignInclusionList(round.Slot, IlSigningRoot(round.Slot, root));
        if (signature is null)
        {
            _events.Receive(new SigningRefused(me.Id, $"inclusion list of slot {round.Slot}", refusal ?? "", _now));
            return;
        }

        var proposal = new InclusionListProposal(list, MemberIndex.ToWire(me.Member), signature);
        round.Signed = root;
        round.Proposals[root] = proposal;
        _seenIlProposals.Add((round.Slot, root, me.Member));
        _events.Receive(new InclusionListProposed(me.Id, round.Slot, Math.Max(0, round.MyRank), root, transactions.Count, _now));
        Publish(Topics.InclusionListProposal(me.Group.Value), InclusionListProposal.Codec.Encode(proposal));
        AddInclusionListSignature(round, root, me.Member, signature);
    }

    /// <summary>A follower co-signs the first list of its group it sees for the slot; its record refuses a second.</summary>
    private void FollowInclusionList(InclusionListRound round, Root root)
    {
        if (round.Signed is not null)
        {
            return;
        }

        var me = round.Me;
        var (signature, refusal) = me.Signer.SignInclusionList(round.Slot, IlSigningRoot(round.Slot, root));
        if (signature is null)
        {
            _events.Receive(new SigningRefused(me.Id, $"inclusion-list follow of slot {round.Slot}", refusal ?? "", _now));
            return;
        }

        round.Signed = root;
        _seenIlFollows.Add((round.Slot, me.Group, me.Member, root));
        _events.Receive(new InclusionListFollowSigned(me.Id, round.Slot, root, _now));
        var follow = new InclusionListFollow(round.Slot, me.Group, MemberIndex.ToWire(me.Member), root, signature);
        Publish(Topics.InclusionListFollow(me.Group.Value), InclusionListFollow.Codec.Encode(follow));
        AddInclusionListSignature(round, root, me.Member, signature);
    }

    private void AddInclusionListSignature(InclusionListRound round, Root root, int member, Bytes signature)
    {
        if (!round.Signatures.TryGetValue(root, out var signatures))
        {
            round.Signatures[root] = signatures = [];
        }

        if (!signatures.TryAdd(member, signature))
        {
            return;
        }

        var group = GroupOf(round.Me.Group);
        if (group is not null && signatures.Count == GroupSignatures.Threshold(group))
        {
            round.ThresholdAt[root] = _now;
        }

        TryAssembleInclusionList(round, root, force: false);
    }

    /// <summary>With at least m signatures the list's leader (or, a LEADER_TIMEOUT later, any member) assembles and gossips it.</summary>
    private void TryAssembleInclusionList(InclusionListRound round, Root root, bool force)
    {
        var me = round.Me;
        if (round.Assembled.Contains(root) || !round.Proposals.TryGetValue(root, out var proposal) || HoldsInclusionList(round.Slot, me.Group))
        {
            return;
        }

        var group = GroupOf(me.Group);
        if (group is null || !round.Signatures.TryGetValue(root, out var signatures) || signatures.Count < GroupSignatures.Threshold(group))
        {
            return;
        }

        if (!force && MemberIndex.FromChecked(proposal.LeaderIndex) != me.Member)
        {
            return;
        }

        round.Assembled.Add(root);
        Func<IReadOnlyList<Bytes>, Bytes>? aggregate = _options.Scheme is IAggregatableScheme aggregatable
            ? parts => Bytes.Wrap(aggregatable.Aggregate([.. parts.Select(s => s.ToArray())]))
            : null;
        var signed = InclusionListRules.Assemble(group, proposal.Message, signatures, aggregate);
        if (signed is null)
        {
            return;
        }

        _events.Receive(new InclusionListAssembled(me.Id, round.Slot, root, signatures.Count, _now));
        Publish(Topics.InclusionList, SignedInclusionList.Codec.Encode(signed));
        TakeInclusionList(signed, root);
    }
}
