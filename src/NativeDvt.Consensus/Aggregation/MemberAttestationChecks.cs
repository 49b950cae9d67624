using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.Aggregation;

/// <summary>Checks of one member's attestation as it arrives on a group's subnet, before aggregation.</summary>
public static class MemberAttestationChecks
{
    /// <summary>
    /// Null when <paramref name="attestation"/> is by a member of a group sitting in the committee it names, for the
    /// previous or current epoch of <paramref name="state"/>, with a valid signature of that member's key; else why not.
    /// </summary>
    public static string? Check(BeaconState state, MemberAttestation attestation, ISignatureVerifier verifier)
    {
        var data = attestation.Data;
        var epoch = data.Target.Epoch;
        if (epoch != state.CurrentEpoch && epoch != state.PreviousEpoch)
        {
            return $"target epoch {epoch} is neither the previous nor the current epoch";
        }

        if (ChainTime.EpochAtSlot(state.Preset, data.Slot) != epoch)
        {
            return "target epoch does not contain the slot";
        }

        if (!state.Groups.Contains(attestation.GroupIndex))
        {
            return $"unknown group {attestation.GroupIndex}";
        }

        var shuffling = state.GetShuffling(epoch);
        if (data.Index.Value >= shuffling.CommitteesPerSlot || !shuffling.IsInCommittee(attestation.GroupIndex, data.Slot, data.Index))
        {
            return $"group {attestation.GroupIndex} is not in committee {data.Index} of slot {data.Slot}";
        }

        var group = state.Groups[attestation.GroupIndex];
        if (attestation.MemberIndex >= (ulong)group.Size)
        {
            return $"member {attestation.MemberIndex} is not in a group of {group.Size}";
        }

        var signingRoot = Domains.ComputeSigningRoot(SszRoots.Of(data), Domains.GetDomain(state.Fork, state.GenesisValidatorsRoot, Domains.BeaconAttester, epoch));
        var key = group.MemberPubkeyAt((int)attestation.MemberIndex, epoch);
        return verifier.Verify(key, signingRoot, attestation.Signature) ? null : "invalid member signature";
    }
}
