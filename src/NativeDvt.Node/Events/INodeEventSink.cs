using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Node.Events;

/// <summary>
/// What a node reports as it works, for the simulator's report and (later) the dashboard's metrics
/// (protocol.md section 8). Called synchronously from the node's own calls; every `at` is the node's time.
/// </summary>
/// <remarks>
/// Every event has an empty default, so a sink implements the ones it records and new events do not break
/// existing sinks; sinks that must see everything (<see cref="EventSinks"/>, <see cref="NodeMetrics"/>) implement all.
/// </remarks>
public interface INodeEventSink
{
    /// <summary>The node proposed a block for its group as rank <paramref name="rank"/>.</summary>
    void BlockProposed(MemberId node, Slot slot, int rank, Root blockRoot, TimeSpan at)
    {
    }

    /// <summary>The node co-signed a proposal.</summary>
    void FollowSigned(MemberId node, Slot slot, Root blockRoot, TimeSpan at)
    {
    }

    /// <summary>The node assembled a complete block from <paramref name="signers"/> signatures; the m-th arrived at <paramref name="thresholdAt"/>.</summary>
    void BlockAssembled(MemberId node, Slot slot, Root blockRoot, int signers, TimeSpan thresholdAt, TimeSpan at)
    {
    }

    /// <summary>The node imported a complete block into its view.</summary>
    void BlockImported(MemberId node, Slot slot, Root blockRoot, TimeSpan at)
    {
    }

    /// <summary>The node refused a block or proposal, with the rule that failed.</summary>
    void BlockRejected(MemberId node, Slot slot, Root blockRoot, string reason, TimeSpan at)
    {
    }

    /// <summary>The node signed and gossiped an attestation.</summary>
    void Attested(MemberId node, AttestationData data, TimeSpan at)
    {
    }

    /// <summary>
    /// An aggregator saw its group's members sign different data for one slot and none reached m
    /// (<paramref name="signers"/> signed in total, the largest agreement was <paramref name="largestAgreement"/>).
    /// </summary>
    void SplitVote(MemberId aggregator, Slot slot, int distinctData, int signers, int largestAgreement, TimeSpan at)
    {
    }

    /// <summary>The node's slashing protection refused a signature.</summary>
    void SigningRefused(MemberId node, string what, string detail, TimeSpan at)
    {
    }

    /// <summary>
    /// The node's signing records could not be made durable (the store failed, or another writer changed them): it signs
    /// nothing more and drops the messages that waited for them, until its host restarts it over what the store holds.
    /// </summary>
    void SigningHalted(MemberId node, string reason, TimeSpan at)
    {
    }

    /// <summary>A member signed two conflicting messages (a member equivocation; not slashable below m).</summary>
    void MemberEquivocation(MemberId observer, MemberId equivocator, string kind, Slot slot, TimeSpan at)
    {
    }

    /// <summary>The node built group-slashing evidence (both sides signed by at least m members).</summary>
    void GroupSlashingBuilt(MemberId node, GroupSlashingEvidence evidence, TimeSpan at)
    {
    }

    /// <summary>A block the node imported carries a group slashing.</summary>
    void GroupSlashingIncluded(MemberId node, GroupIndex group, Slot slot, TimeSpan at)
    {
    }

    /// <summary>A block the node imported carries a key rotation: <paramref name="member"/>'s new key counts from <paramref name="epoch"/>.</summary>
    void KeyRotationIncluded(MemberId node, MemberId member, Epoch epoch, Slot slot, TimeSpan at)
    {
    }

    /// <summary>
    /// An identity started a key rotation on its own: its stateful key has only <paramref name="remaining"/> signatures
    /// left, fewer than it may need before a rotation takes effect.
    /// </summary>
    void KeyRotationStarted(MemberId node, int remaining, Epoch epoch, TimeSpan at)
    {
    }

    /// <summary>The node's finalized checkpoint advanced.</summary>
    void Finalized(MemberId node, Epoch epoch, Root root, TimeSpan at)
    {
    }

    /// <summary>The node proposed its group's inclusion list of <paramref name="slot"/> as rank <paramref name="rank"/>.</summary>
    void InclusionListProposed(MemberId node, Slot slot, int rank, Root listRoot, int transactions, TimeSpan at)
    {
    }

    /// <summary>The node co-signed its group's inclusion list.</summary>
    void InclusionListFollowSigned(MemberId node, Slot slot, Root listRoot, TimeSpan at)
    {
    }

    /// <summary>The node assembled its group's complete inclusion list from <paramref name="signers"/> signatures.</summary>
    void InclusionListAssembled(MemberId node, Slot slot, Root listRoot, int signers, TimeSpan at)
    {
    }

    /// <summary>The node took a complete inclusion list of <paramref name="group"/>; <paramref name="inTime"/> when before the slot's freeze deadline.</summary>
    void InclusionListImported(MemberId node, Slot slot, GroupIndex group, Root listRoot, bool inTime, TimeSpan at)
    {
    }

    /// <summary>At the freeze deadline the node's own group had no complete inclusion list for <paramref name="slot"/>, for <paramref name="reason"/>.</summary>
    void InclusionListMissed(MemberId node, Slot slot, GroupIndex group, string reason, TimeSpan at)
    {
    }

    /// <summary>
    /// A block omits <paramref name="missing"/> transactions of complete inclusion lists the node saw in time: the node
    /// will neither vote for it nor build on it.
    /// </summary>
    void BlockFailedInclusionCheck(MemberId node, Slot slot, Root blockRoot, int missing, TimeSpan at)
    {
    }
}
