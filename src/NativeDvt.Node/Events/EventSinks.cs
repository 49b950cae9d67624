using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Node.Events;

/// <summary>Sends every event to several sinks in order, so a host can record a report and export metrics at once.</summary>
public sealed class EventSinks(params IReadOnlyList<INodeEventSink> sinks) : INodeEventSink
{
    /// <inheritdoc/>
    public void BlockProposed(MemberId node, Slot slot, int rank, Root blockRoot, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.BlockProposed(node, slot, rank, blockRoot, at);
        }
    }

    /// <inheritdoc/>
    public void FollowSigned(MemberId node, Slot slot, Root blockRoot, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.FollowSigned(node, slot, blockRoot, at);
        }
    }

    /// <inheritdoc/>
    public void BlockAssembled(MemberId node, Slot slot, Root blockRoot, int signers, TimeSpan thresholdAt, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.BlockAssembled(node, slot, blockRoot, signers, thresholdAt, at);
        }
    }

    /// <inheritdoc/>
    public void BlockImported(MemberId node, Slot slot, Root blockRoot, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.BlockImported(node, slot, blockRoot, at);
        }
    }

    /// <inheritdoc/>
    public void BlockRejected(MemberId node, Slot slot, Root blockRoot, string reason, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.BlockRejected(node, slot, blockRoot, reason, at);
        }
    }

    /// <inheritdoc/>
    public void Attested(MemberId node, AttestationData data, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.Attested(node, data, at);
        }
    }

    /// <inheritdoc/>
    public void SplitVote(MemberId aggregator, Slot slot, int distinctData, int signers, int largestAgreement, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.SplitVote(aggregator, slot, distinctData, signers, largestAgreement, at);
        }
    }

    /// <inheritdoc/>
    public void SigningRefused(MemberId node, string what, string detail, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.SigningRefused(node, what, detail, at);
        }
    }

    /// <inheritdoc/>
    public void KeyRotationStarted(MemberId node, int remaining, Epoch epoch, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.KeyRotationStarted(node, remaining, epoch, at);
        }
    }

    /// <inheritdoc/>
    public void SigningHalted(MemberId node, string reason, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.SigningHalted(node, reason, at);
        }
    }

    /// <inheritdoc/>
    public void MemberEquivocation(MemberId observer, MemberId equivocator, string kind, Slot slot, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.MemberEquivocation(observer, equivocator, kind, slot, at);
        }
    }

    /// <inheritdoc/>
    public void GroupSlashingBuilt(MemberId node, GroupSlashingEvidence evidence, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.GroupSlashingBuilt(node, evidence, at);
        }
    }

    /// <inheritdoc/>
    public void GroupSlashingIncluded(MemberId node, GroupIndex group, Slot slot, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.GroupSlashingIncluded(node, group, slot, at);
        }
    }

    /// <inheritdoc/>
    public void Finalized(MemberId node, Epoch epoch, Root root, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.Finalized(node, epoch, root, at);
        }
    }

    /// <inheritdoc/>
    public void InclusionListProposed(MemberId node, Slot slot, int rank, Root listRoot, int transactions, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.InclusionListProposed(node, slot, rank, listRoot, transactions, at);
        }
    }

    /// <inheritdoc/>
    public void InclusionListFollowSigned(MemberId node, Slot slot, Root listRoot, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.InclusionListFollowSigned(node, slot, listRoot, at);
        }
    }

    /// <inheritdoc/>
    public void InclusionListAssembled(MemberId node, Slot slot, Root listRoot, int signers, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.InclusionListAssembled(node, slot, listRoot, signers, at);
        }
    }

    /// <inheritdoc/>
    public void InclusionListImported(MemberId node, Slot slot, GroupIndex group, Root listRoot, bool inTime, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.InclusionListImported(node, slot, group, listRoot, inTime, at);
        }
    }

    /// <inheritdoc/>
    public void InclusionListMissed(MemberId node, Slot slot, GroupIndex group, string reason, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.InclusionListMissed(node, slot, group, reason, at);
        }
    }

    /// <inheritdoc/>
    public void BlockFailedInclusionCheck(MemberId node, Slot slot, Root blockRoot, int missing, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.BlockFailedInclusionCheck(node, slot, blockRoot, missing, at);
        }
    }

    /// <inheritdoc/>
    public void KeyRotationIncluded(MemberId node, MemberId member, Epoch epoch, Slot slot, TimeSpan at)
    {
        foreach (var sink in sinks)
        {
            sink.KeyRotationIncluded(node, member, epoch, slot, at);
        }
    }
}
