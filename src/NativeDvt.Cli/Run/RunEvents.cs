using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Events;

namespace NativeDvt.Cli.Run;

/// <summary>Counts what the nodes of an <c>ndvt run</c> report; every node calls in from its own loop.</summary>
internal sealed class RunEvents : INodeEventSink
{
    private long _proposals;
    private long _fallbackProposals;
    private long _assembled;
    private long _signers;
    private long _refusals;
    private long _rejectedBlocks;
    private long _splitVotes;
    private long _equivocations;
    private long _slashings;
    private long _inclusionListsAssembled;
    private long _inclusionListsMissed;
    private long _blocksFailingInclusionCheck;

    public long Proposals => Interlocked.Read(ref _proposals);

    public long FallbackProposals => Interlocked.Read(ref _fallbackProposals);

    public long Assembled => Interlocked.Read(ref _assembled);

    public double MeanSigners => Assembled == 0 ? 0 : (double)Interlocked.Read(ref _signers) / Assembled;

    public long Refusals => Interlocked.Read(ref _refusals);

    public long RejectedBlocks => Interlocked.Read(ref _rejectedBlocks);

    public long SplitVotes => Interlocked.Read(ref _splitVotes);

    public long Equivocations => Interlocked.Read(ref _equivocations);

    public long Slashings => Interlocked.Read(ref _slashings);

    public long InclusionListsAssembled => Interlocked.Read(ref _inclusionListsAssembled);

    public long InclusionListsMissed => Interlocked.Read(ref _inclusionListsMissed);

    public long BlocksFailingInclusionCheck => Interlocked.Read(ref _blocksFailingInclusionCheck);

    public void BlockProposed(MemberId node, Slot slot, int rank, Root blockRoot, TimeSpan at)
    {
        Interlocked.Increment(ref _proposals);
        if (rank > 0)
        {
            Interlocked.Increment(ref _fallbackProposals);
        }
    }

    public void BlockAssembled(MemberId node, Slot slot, Root blockRoot, int signers, TimeSpan thresholdAt, TimeSpan at)
    {
        Interlocked.Increment(ref _assembled);
        Interlocked.Add(ref _signers, signers);
    }

    public void BlockRejected(MemberId node, Slot slot, Root blockRoot, string reason, TimeSpan at) => Interlocked.Increment(ref _rejectedBlocks);

    public void SigningRefused(MemberId node, string what, string detail, TimeSpan at) => Interlocked.Increment(ref _refusals);

    public void SplitVote(MemberId aggregator, Slot slot, int distinctData, int signers, int largestAgreement, TimeSpan at) => Interlocked.Increment(ref _splitVotes);

    public void MemberEquivocation(MemberId observer, MemberId equivocator, string kind, Slot slot, TimeSpan at) => Interlocked.Increment(ref _equivocations);

    public void InclusionListAssembled(MemberId node, Slot slot, Root listRoot, int signers, TimeSpan at) => Interlocked.Increment(ref _inclusionListsAssembled);

    public void InclusionListMissed(MemberId node, Slot slot, GroupIndex group, string reason, TimeSpan at) => Interlocked.Increment(ref _inclusionListsMissed);

    public void BlockFailedInclusionCheck(MemberId node, Slot slot, Root blockRoot, int missing, TimeSpan at) => Interlocked.Increment(ref _blocksFailingInclusionCheck);

    public void GroupSlashingBuilt(MemberId node, GroupSlashingEvidence evidence, TimeSpan at) => Interlocked.Increment(ref _slashings);

    public void FollowSigned(MemberId node, Slot slot, Root blockRoot, TimeSpan at)
    {
    }

    public void BlockImported(MemberId node, Slot slot, Root blockRoot, TimeSpan at)
    {
    }

    public void Attested(MemberId node, AttestationData data, TimeSpan at)
    {
    }

    public void GroupSlashingIncluded(MemberId node, GroupIndex group, Slot slot, TimeSpan at)
    {
    }

    public void Finalized(MemberId node, Epoch epoch, Root root, TimeSpan at)
    {
    }
}
