using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.ForkChoice;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition.PerEpoch;
using NativeDvt.Consensus.Types;
using NativeDvt.Crypto;
using NativeDvt.Node.Duties;
using NativeDvt.Node.Events;
using NativeDvt.Node.Network;
using NativeDvt.Node.Pools;
using NativeDvt.Node.Profiles;
using NativeDvt.Ssz;

namespace NativeDvt.Node;

public sealed partial class DvtNode
{
    private readonly Dictionary<Slot, HashSet<(GroupIndex Group, ulong Member, Root Data)>> _seenMemberVotes = [];
    private readonly Dictionary<(GroupIndex Group, Root Data), GroupAttestation> _groupPool = [];
    private readonly Dictionary<AttestationData, (Root DataRoot, Root SigningRoot)> _voteRoots = [];
    private Epoch _prunedEpoch;

    /// <summary>Attests once for the duty slot: at 1/3 of the slot or when the slot's block arrives, whichever is first.</summary>
    private void RunAttesterDuty(LocalIdentity me, Slot slot)
    {
        if (me.AttesterDuty is not { } duty || duty.Slot != slot || !me.Attested.Add(slot))
        {
            return;
        }

        var headRoot = VotedHead(me);
        var headBlock = _blocks[headRoot];
        var state = _states.Advanced(headBlock, slot);
        var epoch = EpochOf(slot);
        if (Consensus.Duties.GroupDuties.AttesterDuty(state, epoch, me.Group) is not { } onHead || onHead.Slot != slot)
        {
            return;
        }

        duty = onHead;
        var epochStart = ChainTime.StartSlot(_preset, epoch);
        var targetRoot = headBlock.Slot <= epochStart ? headRoot : state.GetBlockRoot(epoch);
        var data = new AttestationData(slot, duty.Index, headRoot, state.CurrentJustifiedCheckpoint, new Checkpoint(epoch, targetRoot));
        SignAndPublishVote(me, data, bypass: false);
        if (me.IsEquivocator && headBlock.Block is not null && _blocks.ContainsKey(headBlock.Block.Message.ParentRoot))
        {
            SignAndPublishVote(me, data with { BeaconBlockRoot = headBlock.Block.Message.ParentRoot }, bypass: true);
        }
    }

    /// <summary>The head to vote for; the bug-wrong-head-after-reorg profile keeps the head it had before its first reorg.</summary>
    private Root VotedHead(LocalIdentity me)
    {
        var head = InclusionListHead(Head);
        if (me.Profile.Kind == ClientProfileKind.BugWrongHeadAfterReorg)
        {
            if (me.StuckHead is { } stuck && _blocks.ContainsKey(stuck))
            {
                return stuck;
            }

            if (me.LastHead is { } last && _blocks.ContainsKey(last) && !IsAncestor(last, head))
            {
                me.StuckHead = last;
                return last;
            }

            me.LastHead = head;
        }

        return head;
    }

    private void SignAndPublishVote(LocalIdentity me, AttestationData data, bool bypass)
    {
        // A view serving thousands of identities signs the same data (one per committee) for most of them.
        if (!_voteRoots.TryGetValue(data, out var roots))
        {
            var root = SszRoots.Of(data);
            roots = (root, Domains.ComputeSigningRoot(root, Domain(Domains.BeaconAttester, data.Target.Epoch)));
            _voteRoots[data] = roots;
        }

        var (dataRoot, signingRoot) = roots;
        var (signature, refusal) = me.Signer.SignAttestation(data, signingRoot, bypass);
        if (signature is null)
        {
            _events.Receive(new SigningRefused(me.Id, $"attestation of slot {data.Slot}", refusal ?? "", _now));
            return;
        }

        var vote = new MemberAttestation(me.Group, (ulong)me.Member, data, signature);
        _events.Receive(new Attested(me.Id, data, _now));
        var bytes = MemberAttestation.Codec.Encode(vote);
        _states.Messages.Remember(bytes, vote, dataRoot);
        Publish(Topics.MemberAttestation(me.Group.Value), bytes);
        TakeMemberVote(vote, dataRoot);
    }

    private GossipVerdict OnMemberAttestation(byte[] bytes)
    {
        var message = _states.Messages.Decode(bytes, MemberAttestation.Codec, v => SszRoots.Of(v.Data));
        var vote = message.Value;
        var data = vote.Data;
        if (data.Slot > CurrentSlot || data.Slot.Value + _preset.SlotsPerEpoch < CurrentSlot.Value)
        {
            return GossipVerdict.Ignore;
        }

        var group = GroupOf(vote.GroupIndex);
        if (group is null || vote.MemberIndex >= (ulong)group.Size || data.Target.Epoch != EpochOf(data.Slot))
        {
            return GossipVerdict.Reject;
        }

        var dataRoot = message.Root;
        if (!_seenMemberVotes.TryGetValue(data.Slot, out var seen))
        {
            seen = [];
            _seenMemberVotes[data.Slot] = seen;
        }

        if (!seen.Add((vote.GroupIndex, vote.MemberIndex, dataRoot)))
        {
            return GossipVerdict.Ignore;
        }

        switch (message.InCommittee && _blocks.ContainsKey(data.Target.Root) ? true : InCommittee(vote.GroupIndex, data))
        {
            case null:
                return GossipVerdict.Ignore;
            case false:
                return GossipVerdict.Reject;
        }

        if (!message.InCommittee)
        {
            message.InCommittee = true;
        }

        // The signing root is only needed by the first receiver with these keys: later ones reuse the shared verdict.
        if (!message.VerifiedWith(group)
            && !_verifier.Verify(group.MemberPubkeyAt((int)vote.MemberIndex, data.Target.Epoch), Domains.ComputeSigningRoot(dataRoot, Domain(Domains.BeaconAttester, data.Target.Epoch)), vote.Signature))
        {
            return GossipVerdict.Reject;
        }

        message.MarkVerifiedWith(group);

        TakeMemberVote(vote, dataRoot);
        return GossipVerdict.Accept;
    }

    private void TakeMemberVote(MemberAttestation vote, Root dataRoot)
    {
        var data = vote.Data;
        RecordVote(vote.GroupIndex, (int)vote.MemberIndex, data, dataRoot);
        _forkChoice.OnAttestation(new MemberVote(vote.GroupIndex, (int)vote.MemberIndex, data.Target.Epoch, data.BeaconBlockRoot));
        if (!_byGroup.TryGetValue(vote.GroupIndex, out var me))
        {
            return;
        }

        if (!me.Tallies.TryGetValue(data.Slot, out var bySlot))
        {
            me.Tallies[data.Slot] = bySlot = [];
        }

        if (!bySlot.TryGetValue(dataRoot, out var tally))
        {
            bySlot[dataRoot] = tally = new VoteTally(data);
        }

        tally.Signatures.TryAdd((int)vote.MemberIndex, vote.Signature);
    }

    /// <summary>
    /// Whether the group sits in the committee the data names, by the shuffling of the voted target's chain (votes on
    /// another fork use that fork's committees). Null when the target block is unknown: the vote cannot be judged yet.
    /// </summary>
    private bool? InCommittee(GroupIndex group, AttestationData data)
    {
        if (!_blocks.TryGetValue(data.Target.Root, out var target))
        {
            return null;
        }

        var epoch = data.Target.Epoch;
        var state = _states.Advanced(target, ChainTime.StartSlot(_preset, epoch));
        if (epoch > state.CurrentEpoch + 1 || epoch < state.PreviousEpoch)
        {
            return null;
        }

        var shuffling = state.GetShuffling(epoch);
        return data.Index.Value < shuffling.CommitteesPerSlot && shuffling.IsInCommittee(group, data.Slot, data.Index);
    }

    /// <summary>
    /// Aggregators of a slot are n - m + 1 members of the group (rotating with the slot), so whenever at least m
    /// members are up one of them aggregates. Under `whole` only data signed by at least m members makes a group
    /// attestation; under `component` every data seen does (partial attestations).
    /// </summary>
    private void RunAggregatorDuty(LocalIdentity me, Slot slot)
    {
        if (me.AttesterDuty is not { } duty || duty.Slot != slot || !me.Aggregated.Add(slot))
        {
            return;
        }

        var group = GroupOf(me.Group)!;
        var n = group.Size;
        var m = GroupSignatures.Threshold(group);
        var position = (int)(((ulong)me.Member + (ulong)n - (slot.Value % (ulong)n)) % (ulong)n);
        if (position >= n - m + 1 || !me.Tallies.TryGetValue(slot, out var bySlot))
        {
            return;
        }

        var whole = _config.Accounting == AccountingPolicy.Whole;
        var complete = new List<GroupAttestation>();
        foreach (var (dataRoot, tally) in bySlot)
        {
            if (whole && tally.Signatures.Count < m)
            {
                continue;
            }

            var attestation = new GroupAttestation(me.Group, tally.Data, Combine(n, tally.Signatures));
            if (tally.Signatures.Count >= m)
            {
                complete.Add(attestation);
            }

            var bytes = GroupAttestation.Codec.Encode(attestation);
            _states.Messages.Remember(bytes, attestation, dataRoot);
            Publish(Topics.GroupAttestation, bytes);
            AddToGroupPool(attestation, dataRoot);
        }

        var signers = bySlot.Values.SelectMany(t => t.Signatures.Keys).Distinct().Count();
        var largest = bySlot.Values.Max(t => t.Signatures.Count);
        if (bySlot.Count > 1 && largest < m)
        {
            _events.Receive(new SplitVote(me.Id, slot, bySlot.Count, signers, largest, _now));
        }

        if (complete.Count > 1)
        {
            BuildAttesterSlashing(complete[0], complete[1]);
        }
    }

    private GroupSignature Combine(int n, SortedDictionary<int, Bytes> signatures)
    {
        var bits = MemberBits.Of(n, signatures.Keys);
        IReadOnlyList<Bytes> parts = _options.Scheme is IAggregatableScheme aggregatable
            ? [Bytes.Wrap(aggregatable.Aggregate([.. signatures.Values.Select(s => s.ToArray())]))]
            : [.. signatures.Values];
        return new GroupSignature(bits, parts);
    }

    private GossipVerdict OnGroupAttestation(byte[] bytes)
    {
        var message = _states.Messages.Decode(bytes, GroupAttestation.Codec, a => SszRoots.Of(a.Data));
        var attestation = message.Value;
        var data = attestation.Data;
        if (data.Slot > CurrentSlot || data.Slot.Value + _preset.SlotsPerEpoch < CurrentSlot.Value)
        {
            return GossipVerdict.Ignore;
        }

        var group = GroupOf(attestation.GroupIndex);
        if (group is null || data.Target.Epoch != EpochOf(data.Slot))
        {
            return GossipVerdict.Reject;
        }

        var dataRoot = message.Root;
        if (_groupPool.TryGetValue((attestation.GroupIndex, dataRoot), out var held)
            && (held.Signature.ParticipationBits.Mask | attestation.Signature.ParticipationBits.Mask) == held.Signature.ParticipationBits.Mask)
        {
            return GossipVerdict.Ignore;
        }

        switch (message.InCommittee && _blocks.ContainsKey(data.Target.Root) ? true : InCommittee(attestation.GroupIndex, data))
        {
            case null:
                return _blocks.ContainsKey(data.Target.Root) ? GossipVerdict.Ignore : OnOtherForkGroupAttestation(group, attestation);
            case false:
                return GossipVerdict.Reject;
        }

        if (!message.InCommittee)
        {
            message.InCommittee = true;
        }

        var minSigners = _config.Accounting == AccountingPolicy.Whole ? GroupSignatures.Threshold(group) : 1;
        if (!message.VerifiedWith(group)
            && GroupSignatures.Check(_verifier, group, data.Target.Epoch, Domains.ComputeSigningRoot(dataRoot, Domain(Domains.BeaconAttester, data.Target.Epoch)), attestation.Signature, minSigners) is not null)
        {
            return GossipVerdict.Reject;
        }

        message.MarkVerifiedWith(group);

        foreach (var member in attestation.Signature.ParticipationBits.Indices())
        {
            _forkChoice.OnAttestation(new MemberVote(attestation.GroupIndex, member, data.Target.Epoch, data.BeaconBlockRoot));
        }

        AddToGroupPool(attestation, dataRoot);
        return GossipVerdict.Accept;
    }

    private void AddToGroupPool(GroupAttestation attestation, Root dataRoot)
    {
        RecordCompleteVote(GroupOf(attestation.GroupIndex)!, attestation);
        var key = (attestation.GroupIndex, dataRoot);
        if (!_groupPool.TryGetValue(key, out var held) || held.Signature.SignerCount < attestation.Signature.SignerCount)
        {
            _groupPool[key] = attestation;
        }
    }

    /// <summary>
    /// The group attestations a block at <paramref name="pre"/>'s slot can carry and that still earn something: each must pass
    /// process_attestation's checks (a failing one would make the whole block invalid) and add a flag (or, under
    /// `component`, a member to a flag's mask) the state does not have yet.
    /// </summary>
    private List<GroupAttestation> SelectAttestations(BeaconState pre)
    {
        var whole = _config.Accounting == AccountingPolicy.Whole;
        var slot = pre.Slot;
        var flagsAdded = new Dictionary<(GroupIndex, bool), byte>();
        var masksAdded = new Dictionary<(GroupIndex, bool), ulong>();
        var selected = new List<GroupAttestation>();
        foreach (var attestation in _groupPool.Values.OrderByDescending(a => a.Data.Slot.Value).ThenBy(a => a.GroupIndex.Value).ThenByDescending(a => a.Signature.SignerCount))
        {
            var data = attestation.Data;
            if (data.Slot.Value + _preset.MinAttestationInclusionDelay > slot.Value || slot.Value - data.Slot.Value > _preset.SlotsPerEpoch)
            {
                continue;
            }

            var targetEpoch = data.Target.Epoch;
            var current = targetEpoch == pre.CurrentEpoch;
            if (!current && targetEpoch != pre.PreviousEpoch)
            {
                continue;
            }

            if (data.Source != (current ? pre.CurrentJustifiedCheckpoint : pre.PreviousJustifiedCheckpoint))
            {
                continue;
            }

            var index = (int)attestation.GroupIndex.Value;
            if (index >= pre.Groups.Count || !pre.GetShuffling(targetEpoch).IsInCommittee(attestation.GroupIndex, data.Slot, data.Index))
            {
                continue;
            }

            var earned = EarnedFlags(pre, data, slot.Value - data.Slot.Value);
            var key = (attestation.GroupIndex, current);
            var have = (byte)((current ? pre.CurrentEpochParticipation[index] : pre.PreviousEpochParticipation[index]) | flagsAdded.GetValueOrDefault(key));
            if (whole)
            {
                if ((earned & ~have) == 0)
                {
                    continue;
                }

                flagsAdded[key] = (byte)(flagsAdded.GetValueOrDefault(key) | earned);
            }
            else
            {
                var word = (current ? pre.CurrentEpochMemberParticipation[index] : pre.PreviousEpochMemberParticipation[index]) | masksAdded.GetValueOrDefault(key);
                var signers = attestation.Signature.ParticipationBits.Mask;
                var adds = false;
                for (var flag = 0; flag < 3; flag++)
                {
                    if (((earned >> flag) & 1) == 1 && (ParticipationFlags.MemberMask(word, flag) | signers) != ParticipationFlags.MemberMask(word, flag))
                    {
                        adds = true;
                        word = ParticipationFlags.AddMembers(word, flag, signers);
                    }
                }

                if (!adds)
                {
                    continue;
                }

                masksAdded[key] = word;
            }

            selected.Add(attestation);
        }

        return selected;
    }

    /// <summary>get_attestation_participation_flag_indices for an attestation already known to have the right source.</summary>
    private byte EarnedFlags(BeaconState state, AttestationData data, ulong inclusionDelay)
    {
        var matchingTarget = data.Target.Root == state.GetBlockRoot(data.Target.Epoch);
        var matchingHead = matchingTarget && data.BeaconBlockRoot == state.GetBlockRootAtSlot(data.Slot);
        byte flags = 0;
        if (inclusionDelay <= BeaconState.IntegerSquareRoot(_preset.SlotsPerEpoch))
        {
            flags = ParticipationFlags.Add(flags, ParticipationFlags.TimelySource);
        }

        if (matchingTarget && inclusionDelay <= _preset.SlotsPerEpoch)
        {
            flags = ParticipationFlags.Add(flags, ParticipationFlags.TimelyTarget);
        }

        if (matchingHead && inclusionDelay == _preset.MinAttestationInclusionDelay)
        {
            flags = ParticipationFlags.Add(flags, ParticipationFlags.TimelyHead);
        }

        return flags;
    }

    private void PrunePools(Slot slot)
    {
        // Member votes more than an epoch old are ignored before this set is asked; at scale it holds tens of
        // thousands of votes per slot, so it is trimmed every slot (a handful of keys to look at).
        foreach (var old in _seenMemberVotes.Keys.Where(s => s.Value + _preset.SlotsPerEpoch < slot.Value).ToList())
        {
            _seenMemberVotes.Remove(old);
        }

        _voteRoots.Clear();

        // Once per epoch of the horizon, not per slot: every reader checks the slot window itself, so entries kept a
        // few slots longer change nothing, while scanning pools that hold every group's messages each slot costs.
        var horizon = slot.Value > _preset.SlotsPerEpoch + 1 ? slot.Value - _preset.SlotsPerEpoch - 1 : 0;
        if (EpochOf(new Slot(horizon)) <= _prunedEpoch)
        {
            return;
        }

        _prunedEpoch = EpochOf(new Slot(horizon));

        foreach (var key in _groupPool.Where(e => e.Value.Data.Slot.Value < horizon).Select(e => e.Key).ToList())
        {
            _groupPool.Remove(key);
        }

        foreach (var me in _identities)
        {
            foreach (var old in me.Tallies.Keys.Where(s => s.Value < horizon).ToList())
            {
                me.Tallies.Remove(old);
            }

            me.Attested.RemoveWhere(s => s.Value < horizon);
            me.Aggregated.RemoveWhere(s => s.Value < horizon);
        }

        PruneEvidence(new Slot(horizon));
    }
}
