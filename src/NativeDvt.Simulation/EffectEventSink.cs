using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Events;

namespace NativeDvt.Simulation;

/// <summary>A node's events, passed to the shared sink through the node's <see cref="EffectLog"/> (kept while its deliveries run beside others').</summary>
internal sealed class EffectEventSink(EffectLog log, INodeEventSink inner) : INodeEventSink
{
    public void BlockProposed(MemberId node, Slot slot, int rank, Root blockRoot, TimeSpan at) =>
        log.Apply(() => inner.BlockProposed(node, slot, rank, blockRoot, at));

    public void FollowSigned(MemberId node, Slot slot, Root blockRoot, TimeSpan at) =>
        log.Apply(() => inner.FollowSigned(node, slot, blockRoot, at));

    public void BlockAssembled(MemberId node, Slot slot, Root blockRoot, int signers, TimeSpan thresholdAt, TimeSpan at) =>
        log.Apply(() => inner.BlockAssembled(node, slot, blockRoot, signers, thresholdAt, at));

    public void BlockImported(MemberId node, Slot slot, Root blockRoot, TimeSpan at) =>
        log.Apply(() => inner.BlockImported(node, slot, blockRoot, at));

    public void BlockRejected(MemberId node, Slot slot, Root blockRoot, string reason, TimeSpan at) =>
        log.Apply(() => inner.BlockRejected(node, slot, blockRoot, reason, at));

    public void Attested(MemberId node, AttestationData data, TimeSpan at)
    {
        // The hottest event (every identity, every slot): no closure unless it has to wait.
        if (log.Deferring)
        {
            log.Apply(() => inner.Attested(node, data, at));
        }
        else
        {
            inner.Attested(node, data, at);
        }
    }

    public void SplitVote(MemberId aggregator, Slot slot, int distinctData, int signers, int largestAgreement, TimeSpan at) =>
        log.Apply(() => inner.SplitVote(aggregator, slot, distinctData, signers, largestAgreement, at));

    public void SigningRefused(MemberId node, string what, string detail, TimeSpan at) =>
        log.Apply(() => inner.SigningRefused(node, what, detail, at));

    public void KeyRotationStarted(MemberId node, int remaining, Epoch epoch, TimeSpan at) =>
        log.Apply(() => inner.KeyRotationStarted(node, remaining, epoch, at));

    public void SigningHalted(MemberId node, string reason, TimeSpan at) =>
        log.Apply(() => inner.SigningHalted(node, reason, at));

    public void MemberEquivocation(MemberId observer, MemberId equivocator, string kind, Slot slot, TimeSpan at) =>
        log.Apply(() => inner.MemberEquivocation(observer, equivocator, kind, slot, at));

    public void GroupSlashingBuilt(MemberId node, GroupSlashingEvidence evidence, TimeSpan at) =>
        log.Apply(() => inner.GroupSlashingBuilt(node, evidence, at));

    public void GroupSlashingIncluded(MemberId node, GroupIndex group, Slot slot, TimeSpan at) =>
        log.Apply(() => inner.GroupSlashingIncluded(node, group, slot, at));

    public void KeyRotationIncluded(MemberId node, MemberId member, Epoch epoch, Slot slot, TimeSpan at) =>
        log.Apply(() => inner.KeyRotationIncluded(node, member, epoch, slot, at));

    public void Finalized(MemberId node, Epoch epoch, Root root, TimeSpan at) =>
        log.Apply(() => inner.Finalized(node, epoch, root, at));

    public void InclusionListProposed(MemberId node, Slot slot, int rank, Root listRoot, int transactions, TimeSpan at) =>
        log.Apply(() => inner.InclusionListProposed(node, slot, rank, listRoot, transactions, at));

    public void InclusionListFollowSigned(MemberId node, Slot slot, Root listRoot, TimeSpan at) =>
        log.Apply(() => inner.InclusionListFollowSigned(node, slot, listRoot, at));

    public void InclusionListAssembled(MemberId node, Slot slot, Root listRoot, int signers, TimeSpan at) =>
        log.Apply(() => inner.InclusionListAssembled(node, slot, listRoot, signers, at));

    public void InclusionListImported(MemberId node, Slot slot, GroupIndex group, Root listRoot, bool inTime, TimeSpan at) =>
        log.Apply(() => inner.InclusionListImported(node, slot, group, listRoot, inTime, at));

    public void InclusionListMissed(MemberId node, Slot slot, GroupIndex group, string reason, TimeSpan at) =>
        log.Apply(() => inner.InclusionListMissed(node, slot, group, reason, at));

    public void BlockFailedInclusionCheck(MemberId node, Slot slot, Root blockRoot, int missing, TimeSpan at) =>
        log.Apply(() => inner.BlockFailedInclusionCheck(node, slot, blockRoot, missing, at));
}
