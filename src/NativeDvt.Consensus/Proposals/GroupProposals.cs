using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.Proposals;

/// <summary>
/// The pure parts of leader/follow block production (protocol.md section 4): the block's signing root,
/// checks of the leader's and followers' signatures, and assembling the signed block once m members signed.
/// </summary>
public static class GroupProposals
{
    /// <summary>The signing root every member of the proposer group signs: the block root under DOMAIN_BEACON_PROPOSER.</summary>
    public static Root BlockSigningRoot(BeaconState state, Slot slot, Root blockRoot) =>
        Domains.ComputeSigningRoot(blockRoot, Domains.GetDomain(state.Fork, state.GenesisValidatorsRoot, Domains.BeaconProposer, ChainTime.EpochAtSlot(state.Preset, slot)));

    /// <summary>Null when the leader's signature in <paramref name="proposal"/> is valid for its member key; else why not.</summary>
    public static string? CheckLeaderSignature(BeaconState state, GroupProposal proposal, ISignatureVerifier verifier)
    {
        var block = proposal.Block;
        var blockRoot = SszRoots.Of(block, state.Preset);
        return GroupSignatures.CheckMemberShare(state, block.Slot, block.ProposerIndex, proposal.LeaderIndex, BlockSigningRoot(state, block.Slot, blockRoot), proposal.LeaderSignature, verifier);
    }

    /// <summary>Null when <paramref name="follow"/> is a valid signature of its block root by that member of the group; else why not.</summary>
    public static string? CheckFollowSignature(BeaconState state, FollowSignature follow, ISignatureVerifier verifier) =>
        GroupSignatures.CheckMemberShare(state, follow.Slot, follow.GroupIndex, follow.MemberIndex, BlockSigningRoot(state, follow.Slot, follow.BlockRoot), follow.Signature, verifier);

    /// <summary>
    /// The signed block once at least m members' signatures are at hand (null before): bits of the signers, and
    /// one aggregate by <paramref name="aggregate"/> or the signatures in member order when it is null.
    /// </summary>
    public static SignedBeaconBlock? Assemble(Group group, BeaconBlock block, IReadOnlyDictionary<int, Bytes> signaturesByMember, Func<IReadOnlyList<Bytes>, Bytes>? aggregate)
    {
        var members = signaturesByMember.Keys.Where(m => m >= 0 && m < group.Size).Order().ToArray();
        if ((ulong)members.Length < group.Threshold)
        {
            return null;
        }

        var signatures = members.Select(m => signaturesByMember[m]).ToArray();
        IReadOnlyList<Bytes> carried = aggregate is null ? signatures : [aggregate(signatures)];
        return new SignedBeaconBlock(block, new GroupSignature(MemberBits.Of(group.Size, members), carried));
    }
}
