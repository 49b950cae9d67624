using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.StateTransition.PerBlock;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Network;

namespace NativeDvt.Node;

/// <summary>
/// Double votes across forks. A group attestation whose target block this node does not know cannot be judged for its
/// chain (no committee to check it against), so gossip ignores it; but its signers can be checked against the registry
/// alone, and when the same group completed (at least m signatures) a conflicting vote on this node's side, the two are
/// slashing evidence. So are the complete votes a block of another fork carries. This is how a group with m &lt;= n/2
/// that completed votes on both sides of a partition is caught after the heal: by gossip when the two sides finalized
/// conflicting checkpoints and never reorganise onto one chain, by the losing fork's blocks when they do.
/// </summary>
/// <remarks>
/// Beyond protocol.md, which says what is slashable but not who must notice it across forks: a slasher's job, done by
/// every node here because a group's signers need no shuffling to verify. Bounded: per group and target epoch, one
/// complete vote of this side and at most <see cref="OtherForkVotesKept"/> unverified votes of the other, verified only
/// when they conflict.
/// </remarks>
public sealed partial class DvtNode
{
    private const int OtherForkVotesKept = 4;

    private readonly Dictionary<(GroupIndex Group, Epoch Target), GroupAttestation> _completeVotes = [];
    private readonly Dictionary<(GroupIndex Group, Epoch Target), List<GroupAttestation>> _otherForkVotes = [];

    /// <summary>A group attestation accepted on this side: once it has m signers it is what another fork's vote is checked against.</summary>
    private void RecordCompleteVote(Group group, GroupAttestation attestation)
    {
        var key = (attestation.GroupIndex, attestation.Data.Target.Epoch);
        if (attestation.Signature.SignerCount < GroupSignatures.Threshold(group) || !_completeVotes.TryAdd(key, attestation))
        {
            return;
        }

        if (_otherForkVotes.Remove(key, out var others))
        {
            others.ForEach(other => TryCrossForkEvidence(group, attestation, other));
        }
    }

    /// <summary>
    /// A group attestation a valid block carried (its signatures were checked by the block's state transition): when it
    /// conflicts with a complete vote of this side, it is evidence too. After a partition that did not finalize, the
    /// losing side's votes reach the others only this way, in the blocks of the fork they reorganise away from.
    /// </summary>
    private void RecordIncludedVote(GroupAttestation attestation)
    {
        if (GroupOf(attestation.GroupIndex) is not { } group || attestation.Signature.SignerCount < GroupSignatures.Threshold(group))
        {
            return;
        }

        if (_completeVotes.TryGetValue((attestation.GroupIndex, attestation.Data.Target.Epoch), out var ours))
        {
            if (!_attesterSlashings.ContainsKey(attestation.GroupIndex) && PerBlockProcessing.IsSlashableAttestationData(ours.Data, attestation.Data))
            {
                BuildAttesterSlashing(ours, attestation);
            }
        }
        else
        {
            RecordCompleteVote(group, attestation);
        }
    }

    /// <summary>A group attestation for a target this node does not know: kept as a candidate, never forwarded.</summary>
    private GossipVerdict OnOtherForkGroupAttestation(Group group, GroupAttestation attestation)
    {
        var key = (attestation.GroupIndex, attestation.Data.Target.Epoch);
        if (_attesterSlashings.ContainsKey(attestation.GroupIndex) || attestation.Signature.SignerCount < GroupSignatures.Threshold(group))
        {
            return GossipVerdict.Ignore;
        }

        if (_completeVotes.TryGetValue(key, out var ours))
        {
            TryCrossForkEvidence(group, ours, attestation);
        }
        else
        {
            var others = _otherForkVotes.TryGetValue(key, out var kept) ? kept : _otherForkVotes[key] = [];
            if (others.Count < OtherForkVotesKept && !others.Any(o => o.Data == attestation.Data))
            {
                others.Add(attestation);
            }
        }

        return GossipVerdict.Ignore;
    }

    private void TryCrossForkEvidence(Group group, GroupAttestation ours, GroupAttestation theirs)
    {
        if (_attesterSlashings.ContainsKey(ours.GroupIndex) || !PerBlockProcessing.IsSlashableAttestationData(ours.Data, theirs.Data))
        {
            return;
        }

        var epoch = theirs.Data.Target.Epoch;
        var signingRoot = Domains.ComputeSigningRoot(Consensus.Ssz.SszRoots.Of(theirs.Data), Domain(Domains.BeaconAttester, epoch));
        if (GroupSignatures.Check(_verifier, group, epoch, signingRoot, theirs.Signature, GroupSignatures.Threshold(group)) is null)
        {
            BuildAttesterSlashing(ours, theirs);
        }
    }

    /// <summary>Forgets votes of target epochs before <paramref name="epoch"/>.</summary>
    private void PruneCrossForkVotes(Epoch epoch)
    {
        foreach (var key in _completeVotes.Keys.Where(k => k.Target < epoch).ToList())
        {
            _completeVotes.Remove(key);
        }

        foreach (var key in _otherForkVotes.Keys.Where(k => k.Target < epoch).ToList())
        {
            _otherForkVotes.Remove(key);
        }
    }
}
