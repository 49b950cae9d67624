using NativeDvt.Consensus.Primitives;
using NativeDvt.Grains.Abstractions;
using NativeDvt.Node.Events;

namespace NativeDvt.Grains.Identities;

/// <summary>
/// Keeps what an identity's node saw in its last <see cref="KeptSlots"/> slots for the dashboard's per-slot views. Node
/// events arrive on the node's loop and reads come from the grain, hence the lock; the node never waits on a reader for
/// longer than a list append.
/// </summary>
internal sealed class ActivityRecorder(string who, TimeSpan slotDuration) : INodeEventSink
{
    /// <summary>Four epochs of 8 slots, or two of 16: what the dashboard's slot charts show.</summary>
    public const int KeptSlots = 64;

    private readonly Lock _lock = new();
    private readonly List<SlotObservation> _observations = [];
    private ulong _newestSlot;

    /// <summary>The observations from <paramref name="sinceSlot"/> on, oldest first.</summary>
    public SlotObservation[] Since(ulong sinceSlot)
    {
        lock (_lock)
        {
            return [.. _observations.Where(o => o.Slot >= sinceSlot)];
        }
    }

    public void Receive(NodeEvent nodeEvent)
    {
        switch (nodeEvent)
        {
            case SlotStarted e:
                Add(e.Slot, SlotObservationKinds.Due, e.Proposer.Value, e.At, null, 0, 0, "");
                break;
            case Attested e:
                Add(e.Data.Slot, SlotObservationKinds.Attested, e.Node.Group.Value, e.At, e.Data.BeaconBlockRoot, 0, 0, $"target {e.Data.Target.Epoch.Value}");
                break;
            case BlockProposed e:
                Add(e.Slot, SlotObservationKinds.Proposed, e.Node.Group.Value, e.At, e.BlockRoot, e.Rank, 0, "");
                break;
            case FollowSigned e:
                Add(e.Slot, SlotObservationKinds.FollowSigned, e.Node.Group.Value, e.At, e.BlockRoot, 0, 0, "");
                break;
            case BlockAssembled e:
                Add(e.Slot, SlotObservationKinds.Assembled, e.Node.Group.Value, e.At, e.BlockRoot, e.Signers, InSlot(e.Slot, e.ThresholdAt), "");
                break;
            case BlockImported e:
                Add(e.Slot, SlotObservationKinds.Imported, null, e.At, e.BlockRoot, 0, 0, "");
                break;
            case BlockRejected e:
                Add(e.Slot, SlotObservationKinds.Rejected, null, e.At, e.BlockRoot, 0, 0, e.Reason);
                break;
            case SplitVote e:
                Add(e.Slot, SlotObservationKinds.SplitVote, e.Node.Group.Value, e.At, null, e.Signers, e.LargestAgreement, $"{e.DistinctData} distinct votes");
                break;
            case InclusionListMissed e:
                Add(e.Slot, SlotObservationKinds.InclusionListMissed, e.Group.Value, e.At, null, 0, 0, e.Reason);
                break;
        }
    }

    private double InSlot(Slot slot, TimeSpan at) => (at - (slotDuration * slot.Value)).TotalSeconds;

    private void Add(Slot slot, string kind, ulong? group, TimeSpan at, Root? root, int count, double of, string detail)
    {
        var observation = new SlotObservation(slot.Value, kind, who, group, InSlot(slot, at), root?.ToString() ?? "", count, of, detail);
        lock (_lock)
        {
            _observations.Add(observation);
            if (slot.Value > _newestSlot)
            {
                _newestSlot = slot.Value;
                var oldest = _newestSlot >= KeptSlots ? _newestSlot - KeptSlots + 1 : 0;
                _observations.RemoveAll(o => o.Slot < oldest);
            }
        }
    }
}
