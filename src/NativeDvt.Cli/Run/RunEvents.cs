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

    public void Receive(NodeEvent nodeEvent)
    {
        switch (nodeEvent)
        {
            case BlockProposed e:
                Interlocked.Increment(ref _proposals);
                if (e.Rank > 0)
                {
                    Interlocked.Increment(ref _fallbackProposals);
                }

                break;
            case BlockAssembled e:
                Interlocked.Increment(ref _assembled);
                Interlocked.Add(ref _signers, e.Signers);
                break;
            case BlockRejected:
                Interlocked.Increment(ref _rejectedBlocks);
                break;
            case SigningRefused:
                Interlocked.Increment(ref _refusals);
                break;
            case SplitVote:
                Interlocked.Increment(ref _splitVotes);
                break;
            case MemberEquivocation:
                Interlocked.Increment(ref _equivocations);
                break;
            case InclusionListAssembled:
                Interlocked.Increment(ref _inclusionListsAssembled);
                break;
            case InclusionListMissed:
                Interlocked.Increment(ref _inclusionListsMissed);
                break;
            case BlockFailedInclusionCheck:
                Interlocked.Increment(ref _blocksFailingInclusionCheck);
                break;
            case GroupSlashingBuilt:
                Interlocked.Increment(ref _slashings);
                break;
        }
    }
}
