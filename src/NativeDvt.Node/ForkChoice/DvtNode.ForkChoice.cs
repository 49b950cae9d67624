using NativeDvt.Consensus.ForkChoice;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Events;
using NativeDvt.Node.Sharing;

namespace NativeDvt.Node;

/// <summary>
/// The last stage of a slot's path: the node's fork choice (<see cref="ForkChoiceStore"/>, the spec's Store) and what it
/// answers. Blocks reach it from <c>Blocks/</c>, member votes from <c>Attestations/</c> and group attestations from
/// <c>Aggregation/</c> and from blocks; equivocating groups from <c>Evidence/</c>.
/// </summary>
public sealed partial class DvtNode
{
    private readonly ForkChoiceStore _forkChoice;
    private Epoch _reportedFinalized;

    /// <summary>The fork-choice head.</summary>
    public Root Head => _forkChoice.GetHead();

    /// <summary>The head block with its post-state.</summary>
    public StoredBlock HeadBlock => _blocks[Head];

    /// <summary>The finalized checkpoint of the node's fork choice.</summary>
    public ForkChoiceCheckpoint Finalized => _forkChoice.Finalized;

    /// <summary>The justified checkpoint of the node's fork choice.</summary>
    public ForkChoiceCheckpoint Justified => _forkChoice.Justified;

    /// <summary>get_forkchoice_store on the anchor, with every group's weight from the anchor state.</summary>
    private static ForkChoiceStore ForkChoiceOf(StoredBlock anchor, BeaconState start, TimeSpan slotDuration)
    {
        var preset = start.Preset;
        var store = new ForkChoiceStore(
            new ForkChoiceConfig(0, (ulong)slotDuration.TotalMilliseconds, preset.SlotsPerEpoch) { ProposerScoreBoost = preset.ProposerScoreBoost }, anchor.Root, start.Slot, 0);
        for (var i = 0; i < start.Groups.Count; i++)
        {
            var group = start.Groups[i];
            store.SetGroup(new ForkChoiceGroup(new GroupIndex((ulong)i), group.Size, GroupSignatures.Threshold(group), group.EffectiveBalance));
        }

        return store;
    }

    /// <summary>on_tick at the node's time; a newly finalized checkpoint is reported and prunes what lies below it.</summary>
    private void TickForkChoice()
    {
        _forkChoice.OnTick((ulong)_now.TotalMilliseconds);
        var finalized = _forkChoice.Finalized;
        if (finalized.Epoch > _reportedFinalized)
        {
            _reportedFinalized = finalized.Epoch;
            _events.Receive(new Finalized(Identity, finalized.Epoch, finalized.Root, _now));
            PruneBelowFinalized(finalized);
        }
    }

    /// <summary>on_attestation for every member a group attestation carries (from gossip, or from a block).</summary>
    private void CountGroupAttestation(GroupAttestation attestation, bool fromBlock)
    {
        var data = attestation.Data;
        foreach (var member in attestation.Signature.ParticipationBits.Indices())
        {
            _forkChoice.OnAttestation(new MemberVote(attestation.GroupIndex, member, data.Target.Epoch, data.BeaconBlockRoot), fromBlock);
        }
    }
}
