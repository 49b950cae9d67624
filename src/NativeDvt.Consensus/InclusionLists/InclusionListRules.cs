using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.InclusionLists;

/// <summary>
/// The pure rules of an inclusion list: its signing root, what makes a list well formed for its slot's committee,
/// the leader's and followers' signature shares, the complete list's group signature, and assembling it at m.
/// </summary>
/// <remarks>
/// EIP-7805 validate_inclusion_list (gossip conditions on the message) with the group rule of protocol.md section 2:
/// a list counts only with the signatures of at least m members of the committee group.
/// </remarks>
public static class InclusionListRules
{
    /// <summary>hash_tree_root(list).</summary>
    public static Root RootOf(InclusionList list) => Ssz.RootConversions.ToRoot(InclusionList.Codec.HashTreeRoot(list));

    /// <summary>The root every member of the group signs: the list's root under DOMAIN_INCLUSION_LIST at the list's epoch.</summary>
    public static Root SigningRoot(BeaconState state, InclusionList list) => SigningRoot(state, list.Slot, RootOf(list));

    /// <summary>The signing root of the list with root <paramref name="listRoot"/> for <paramref name="slot"/>.</summary>
    public static Root SigningRoot(BeaconState state, Slot slot, Root listRoot) =>
        Domains.ComputeSigningRoot(listRoot, Domains.GetDomain(state.Fork, state.GenesisValidatorsRoot, Domains.InclusionList, ChainTime.EpochAtSlot(state.Preset, slot)));

    /// <summary>
    /// Null when <paramref name="list"/> fits <paramref name="committee"/> (the committee of its slot): its group holds a
    /// position, it names the committee's root, and its transactions are non-empty and total at most MAX_BYTES_PER_INCLUSION_LIST.
    /// </summary>
    public static string? CheckMessage(BeaconState state, InclusionList list, IReadOnlyList<GroupIndex> committee)
    {
        if (!committee.Contains(list.GroupIndex))
        {
            return $"group {list.GroupIndex} is not in the inclusion-list committee of slot {list.Slot}";
        }

        if (list.InclusionListCommitteeRoot != InclusionListCommittee.RootOf(committee, state.Preset.InclusionListCommitteeSize))
        {
            return "inclusion_list_committee_root does not match the slot's committee";
        }

        var bytes = TransactionLists.TotalBytes(list.Transactions);
        if (bytes > state.Preset.MaxBytesPerInclusionList)
        {
            return $"transactions of {bytes} bytes exceed MAX_BYTES_PER_INCLUSION_LIST {state.Preset.MaxBytesPerInclusionList}";
        }

        return list.Transactions.Any(t => t.Length == 0) ? "an empty transaction" : null;
    }

    /// <summary>Null when <paramref name="signed"/> is well formed and signed by at least m members of its group; else why not.</summary>
    public static string? CheckSigned(BeaconState state, SignedInclusionList signed, IReadOnlyList<GroupIndex> committee, ISignatureVerifier verifier)
    {
        var list = signed.Message;
        if (CheckMessage(state, list, committee) is { } problem)
        {
            return problem;
        }

        var group = state.Groups[list.GroupIndex];
        return GroupSignatures.Check(verifier, group, ChainTime.EpochAtSlot(state.Preset, list.Slot), SigningRoot(state, list), signed.Signature, GroupSignatures.Threshold(group));
    }

    /// <summary>Null when <paramref name="signature"/> is member <paramref name="memberIndex"/>'s share of the list with <paramref name="listRoot"/>.</summary>
    public static string? CheckMemberSignature(BeaconState state, Slot slot, GroupIndex groupIndex, ulong memberIndex, Root listRoot, Bytes signature, ISignatureVerifier verifier) =>
        GroupSignatures.CheckMemberShare(state, slot, groupIndex, memberIndex, SigningRoot(state, slot, listRoot), signature, verifier);

    /// <summary>
    /// The complete list once at least m members' shares are at hand (null before): bits of the signers and one
    /// aggregate by <paramref name="aggregate"/>, or the shares in member order when it is null.
    /// </summary>
    public static SignedInclusionList? Assemble(Group group, InclusionList list, IReadOnlyDictionary<int, Bytes> signaturesByMember, Func<IReadOnlyList<Bytes>, Bytes>? aggregate)
    {
        var members = signaturesByMember.Keys.Where(m => m >= 0 && m < group.Size).Order().ToArray();
        if ((ulong)members.Length < group.Threshold)
        {
            return null;
        }

        var signatures = members.Select(m => signaturesByMember[m]).ToArray();
        IReadOnlyList<Bytes> carried = aggregate is null ? signatures : [aggregate(signatures)];
        return new SignedInclusionList(list, new GroupSignature(MemberBits.Of(group.Size, members), carried));
    }
}
