using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;
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

    public void Attested(MemberId node, AttestationData data, TimeSpan at) =>
        Add(data.Slot, SlotObservationKinds.Attested, node.Group.Value, at, data.BeaconBlockRoot, 0, 0, $"target {data.Target.Epoch.Value}");

    public void BlockProposed(MemberId node, Slot slot, int rank, Root blockRoot, TimeSpan at) =>
        Add(slot, SlotObservationKinds.Proposed, node.Group.Value, at, blockRoot, rank, 0, "");

    public void FollowSigned(MemberId node, Slot slot, Root blockRoot, TimeSpan at) =>
        Add(slot, SlotObservationKinds.FollowSigned, node.Group.Value, at, blockRoot, 0, 0, "");

    public void BlockAssembled(MemberId node, Slot slot, Root blockRoot, int signers, TimeSpan thresholdAt, TimeSpan at) =>
        Add(slot, SlotObservationKinds.Assembled, node.Group.Value, at, blockRoot, signers, InSlot(slot, thresholdAt), "");

    public void BlockImported(MemberId node, Slot slot, Root blockRoot, TimeSpan at) =>
        Add(slot, SlotObservationKinds.Imported, null, at, blockRoot, 0, 0, "");

    public void BlockRejected(MemberId node, Slot slot, Root blockRoot, string reason, TimeSpan at) =>
        Add(slot, SlotObservationKinds.Rejected, null, at, blockRoot, 0, 0, reason);

    public void SplitVote(MemberId aggregator, Slot slot, int distinctData, int signers, int largestAgreement, TimeSpan at) =>
        Add(slot, SlotObservationKinds.SplitVote, aggregator.Group.Value, at, null, signers, largestAgreement, $"{distinctData} distinct votes");

    public void InclusionListMissed(MemberId node, Slot slot, GroupIndex group, string reason, TimeSpan at) =>
        Add(slot, SlotObservationKinds.InclusionListMissed, group.Value, at, null, 0, 0, reason);

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
