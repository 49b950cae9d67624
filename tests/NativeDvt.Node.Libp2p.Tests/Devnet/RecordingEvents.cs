using NativeDvt.Consensus.Primitives;
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

    public void Receive(NodeEvent nodeEvent)
    {
        lock (_gate)
        {
            switch (nodeEvent)
            {
                case BlockAssembled e:
                    _assembled.Add((e.Node, e.Slot, e.BlockRoot, e.Signers, e.ThresholdAt, e.At));
                    break;
                case BlockImported e:
                    _imported.Add((e.Node, e.Slot, e.BlockRoot, e.At));
                    break;
                case BlockRejected e:
                    _rejections.Add($"{e.Node} slot {e.Slot}: {e.Reason}");
                    break;
                case SigningRefused e:
                    _refusals.Add($"{e.Node} {e.What}: {e.Detail}");
                    break;
                case BlockProposed e:
                    _proposed.Add((e.Node, e.Slot, e.Rank));
                    break;
            }
        }
    }
}
