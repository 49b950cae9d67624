using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Events;

namespace NativeDvt.Node.Libp2p.Tests.Devnet;

/// <summary>The events of every node of a loopback devnet; nodes call in from their own loops, so everything is locked.</summary>
internal sealed class RecordingEvents : INodeEventSink
{
    private readonly Lock _gate = new();
    private readonly List<(MemberId Node, Slot Slot, Root Root, int Signers, TimeSpan ThresholdAt, TimeSpan At)> _assembled = [];
    private readonly List<(MemberId Node, Slot Slot, Root Root, TimeSpan At)> _imported = [];
    private readonly List<string> _refusals = [];
    private readonly List<string> _rejections = [];
    private readonly List<(MemberId Node, Slot Slot, int Rank)> _proposed = [];

    public List<(MemberId Node, Slot Slot, int Rank)> Proposed
    {
        get
        {
            lock (_gate)
            {
                return [.. _proposed];
            }
        }
    }

    public List<(MemberId Node, Slot Slot, Root Root, int Signers, TimeSpan ThresholdAt, TimeSpan At)> Assembled
    {
        get
        {
            lock (_gate)
            {
                return [.. _assembled];
            }
        }
    }

    public List<(MemberId Node, Slot Slot, Root Root, TimeSpan At)> Imported
    {
        get
        {
            lock (_gate)
            {
                return [.. _imported];
            }
        }
    }

    public List<string> Refusals
    {
        get
        {
            lock (_gate)
            {
                return [.. _refusals];
            }
        }
    }

    public List<string> Rejections
    {
        get
        {
            lock (_gate)
            {
                return [.. _rejections];
            }
        }
    }

    public void BlockAssembled(MemberId node, Slot slot, Root blockRoot, int signers, TimeSpan thresholdAt, TimeSpan at)
    {
        lock (_gate)
        {
            _assembled.Add((node, slot, blockRoot, signers, thresholdAt, at));
        }
    }

    public void BlockImported(MemberId node, Slot slot, Root blockRoot, TimeSpan at)
    {
        lock (_gate)
        {
            _imported.Add((node, slot, blockRoot, at));
        }
    }

    public void BlockRejected(MemberId node, Slot slot, Root blockRoot, string reason, TimeSpan at)
    {
        lock (_gate)
        {
            _rejections.Add($"{node} slot {slot}: {reason}");
        }
    }

    public void SigningRefused(MemberId node, string what, string detail, TimeSpan at)
    {
        lock (_gate)
        {
            _refusals.Add($"{node} {what}: {detail}");
        }
    }

    public void BlockProposed(MemberId node, Slot slot, int rank, Root blockRoot, TimeSpan at)
    {
        lock (_gate)
        {
            _proposed.Add((node, slot, rank));
        }
    }

    public void FollowSigned(MemberId node, Slot slot, Root blockRoot, TimeSpan at)
    {
    }

    public void Attested(MemberId node, AttestationData data, TimeSpan at)
    {
    }

    public void SplitVote(MemberId aggregator, Slot slot, int distinctData, int signers, int largestAgreement, TimeSpan at)
    {
    }

    public void MemberEquivocation(MemberId observer, MemberId equivocator, string kind, Slot slot, TimeSpan at)
    {
    }

    public void GroupSlashingBuilt(MemberId node, GroupSlashingEvidence evidence, TimeSpan at)
    {
    }

    public void GroupSlashingIncluded(MemberId node, GroupIndex group, Slot slot, TimeSpan at)
    {
    }

    public void Finalized(MemberId node, Epoch epoch, Root root, TimeSpan at)
    {
    }
}
