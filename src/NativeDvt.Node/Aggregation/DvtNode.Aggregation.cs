using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Aggregation;
using NativeDvt.Node.Events;
using NativeDvt.Node.Identities;
using NativeDvt.Node.Network;
using NativeDvt.Ssz;

namespace NativeDvt.Node;

/// <remarks>
/// Aggregation: a group's aggregators turn its members' votes into group attestations at 2/3 of the slot; group
/// attestations from gossip are checked, fed to fork choice and pooled for proposers (<see cref="GroupAttestationPool"/>).
/// </remarks>
public sealed partial class DvtNode
{
    private readonly GroupAttestationPool _groupAttestations;

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
        var position = (me.Member + n - (int)(slot.Value % (ulong)n)) % n;
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

            var attestation = new GroupAttestation(me.Group, tally.Data, CombineSignatures(n, tally.Signatures));
            if (tally.Signatures.Count >= m)
            {
                complete.Add(attestation);
            }

            var bytes = GroupAttestation.Codec.Encode(attestation);
            _states.Messages.Remember(bytes, attestation, dataRoot);
            Publish(Topics.GroupAttestation, bytes);
            RecordCompleteVote(group, attestation);
            _groupAttestations.Add(attestation, dataRoot);
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

    private GossipVerdict OnGroupAttestation(byte[] bytes)
    {
        var message = _states.Messages.Decode(bytes, GroupAttestation.Codec, a => SszRoots.Of(a.Data));
        var attestation = message.Value;
        var data = attestation.Data;
        if (OutsideGossipRange(data.Slot, _preset.SlotsPerEpoch))
        {
            return GossipVerdict.Ignore;
        }

        var group = GroupOf(attestation.GroupIndex);
        if (group is null || data.Target.Epoch != EpochOf(data.Slot))
        {
            return GossipVerdict.Reject;
        }

        var dataRoot = message.Root;
        if (_groupAttestations.Covers(attestation, dataRoot))
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

        CountGroupAttestation(attestation, fromBlock: false);

        RecordCompleteVote(group, attestation);
        _groupAttestations.Add(attestation, dataRoot);
        return GossipVerdict.Accept;
    }
}
