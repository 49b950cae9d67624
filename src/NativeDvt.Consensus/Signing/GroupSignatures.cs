using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.Signing;

/// <summary>Checks a <see cref="GroupSignature"/>: its shape against the group, the signer count, and the signature(s).</summary>
/// <remarks>Group-specific (no spec counterpart): "the group signed X" iff at least m distinct members signed X's signing root.</remarks>
public static class GroupSignatures
{
    /// <summary>
    /// Null when <paramref name="signature"/> is a valid signature of <paramref name="signingRoot"/> by at least
    /// <paramref name="minSigners"/> members of <paramref name="group"/>, using the keys in force at <paramref name="keyEpoch"/>;
    /// otherwise the reason it is not.
    /// </summary>
    public static string? Check(ISignatureVerifier verifier, Group group, Epoch keyEpoch, Root signingRoot, GroupSignature signature, int minSigners)
    {
        var bits = signature.ParticipationBits;
        if (!bits.IsWellFormed || bits.Length != group.Size)
        {
            return $"participation bits have length {bits.Length}, the group has {group.Size} members";
        }

        var signers = bits.Count;
        if (signers < Math.Max(1, minSigners))
        {
            return $"{signers} signers, at least {Math.Max(1, minSigners)} needed";
        }

        var keys = new Bytes[signers];
        var k = 0;
        for (var i = 0; i < group.Size; i++)
        {
            if (bits.Get(i))
            {
                keys[k++] = group.MemberPubkeyAt(i, keyEpoch);
            }
        }

        if (verifier.Aggregates)
        {
            if (signature.Signatures.Count != 1)
            {
                return $"an aggregating scheme carries 1 signature, not {signature.Signatures.Count}";
            }

            return verifier.FastAggregateVerify(keys, signingRoot, signature.Signatures[0]) ? null : "invalid aggregate signature";
        }

        if (signature.Signatures.Count != signers)
        {
            return $"{signature.Signatures.Count} signatures for {signers} signers";
        }

        for (var i = 0; i < signers; i++)
        {
            if (!verifier.Verify(keys[i], signingRoot, signature.Signatures[i]))
            {
                return $"invalid signature of signer {i}";
            }
        }

        return null;
    }

    /// <summary>
    /// Null when <paramref name="signature"/> is member <paramref name="memberIndex"/>'s own share of
    /// <paramref name="signingRoot"/> (a proposal, a follow signature, an inclusion-list share) with the key in force at
    /// <paramref name="slot"/>; else why not.
    /// </summary>
    public static string? CheckMemberShare(BeaconState state, Slot slot, GroupIndex groupIndex, ulong memberIndex, Root signingRoot, Bytes signature, ISignatureVerifier verifier)
    {
        if (!state.Groups.Contains(groupIndex))
        {
            return $"unknown group {groupIndex}";
        }

        var group = state.Groups[groupIndex];
        if (memberIndex >= (ulong)group.Size)
        {
            return $"member {memberIndex} is not in a group of {group.Size}";
        }

        var key = group.MemberPubkeyAt((int)memberIndex, ChainTime.EpochAtSlot(state.Preset, slot));
        return verifier.Verify(key, signingRoot, signature) ? null : "invalid member signature";
    }

    /// <summary>The threshold of <paramref name="group"/> as an int (m is at most MAX_GROUP_SIZE once registered).</summary>
    public static int Threshold(Group group) => (int)Math.Min(group.Threshold, int.MaxValue);
}
