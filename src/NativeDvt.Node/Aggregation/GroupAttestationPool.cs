using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition.PerBlock;
using NativeDvt.Consensus.StateTransition.PerEpoch;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Node.Aggregation;

/// <summary>
/// The group attestations a node holds (its aggregators' and gossip's), the one with most signers per group and data,
/// and the choice of those a block should carry.
/// </summary>
internal sealed class GroupAttestationPool(Preset preset, AccountingPolicy accounting)
{
    private readonly Dictionary<(GroupIndex Group, Root Data), GroupAttestation> _held = [];

    /// <summary>Whether the pool holds every signer of <paramref name="attestation"/> for its group and data already.</summary>
    public bool Covers(GroupAttestation attestation, Root dataRoot) =>
        _held.TryGetValue((attestation.GroupIndex, dataRoot), out var held)
        && (held.Signature.ParticipationBits.Mask | attestation.Signature.ParticipationBits.Mask) == held.Signature.ParticipationBits.Mask;

    /// <summary>Keeps <paramref name="attestation"/> unless one of its group and data with as many signers is held.</summary>
    public void Add(GroupAttestation attestation, Root dataRoot)
    {
        var key = (attestation.GroupIndex, dataRoot);
        if (!_held.TryGetValue(key, out var held) || held.Signature.SignerCount < attestation.Signature.SignerCount)
        {
            _held[key] = attestation;
        }
    }

    /// <summary>Forgets attestations of slots before <paramref name="horizon"/>.</summary>
    public void PruneBefore(ulong horizon)
    {
        foreach (var key in _held.Where(e => e.Value.Data.Slot.Value < horizon).Select(e => e.Key).ToList())
        {
            _held.Remove(key);
        }
    }

    /// <summary>
    /// The attestations a block at <paramref name="pre"/>'s slot can carry and that still earn something: each must pass
    /// process_attestation's checks (a failing one would make the whole block invalid) and add a flag (or, under
    /// `component`, a member to a flag's mask) the state does not have yet.
    /// </summary>
    public List<GroupAttestation> Select(BeaconState pre)
    {
        var whole = accounting == AccountingPolicy.Whole;
        var slot = pre.Slot;
        var flagsAdded = new Dictionary<(GroupIndex, bool), byte>();
        var masksAdded = new Dictionary<(GroupIndex, bool), ulong>();
        var selected = new List<GroupAttestation>();
        foreach (var attestation in _held.Values.OrderByDescending(a => a.Data.Slot.Value).ThenBy(a => a.GroupIndex.Value).ThenByDescending(a => a.Signature.SignerCount))
        {
            var data = attestation.Data;
            if (data.Slot.Value + preset.MinAttestationInclusionDelay > slot.Value || slot.Value - data.Slot.Value > preset.SlotsPerEpoch)
            {
                continue;
            }

            var targetEpoch = data.Target.Epoch;
            var current = targetEpoch == pre.CurrentEpoch;
            if (!current && targetEpoch != pre.PreviousEpoch)
            {
                continue;
            }

            // Null when the source is not the justified checkpoint: process_attestation would reject the block.
            if (PerBlockProcessing.GetAttestationParticipationFlagIndices(pre, data, slot.Value - data.Slot.Value) is not { } earned)
            {
                continue;
            }

            var index = (int)attestation.GroupIndex.Value;
            if (index >= pre.Groups.Count || !pre.GetShuffling(targetEpoch).IsInCommittee(attestation.GroupIndex, data.Slot, data.Index))
            {
                continue;
            }

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
}
