using NativeDvt.Consensus.Primitives;
using NativeDvt.Node.Events;

namespace NativeDvt.Node;

public sealed partial class DvtNode
{
    /// <summary>
    /// Signatures a member may make per slot at most: an inclusion-list proposal or follow, a block or follow signature,
    /// a RANDAO reveal, and a rotation share (an attestation is one per epoch and fits in the slack).
    /// </summary>
    private const int SignaturesPerSlotBound = 4;

    /// <summary>
    /// A stateful key rotates once it has no more signatures left than the member may need until a rotation started now
    /// takes effect (<see cref="RotationDelayEpochs"/>, one more for the epoch under way, one more for slack).
    /// </summary>
    private int StatefulKeyReserve => SignaturesPerSlotBound * (int)_preset.SlotsPerEpoch * (int)(RotationDelayEpochs + 2);

    /// <summary>
    /// Rotates each identity whose stateful key is running low to the host's next key, through the protocol's key
    /// rotation, so it never stops signing. One rotation at a time: another starts only if the last did not take
    /// effect in time (its group could not gather m signatures, or no block took it).
    /// </summary>
    /// <remarks>Not in protocol.md, which leaves key rotation to the operator: this is the operator's policy, run by the node.</remarks>
    private void RotateKeysRunningLow(Epoch epoch)
    {
        if (_options.NextStatefulKey is not { } nextKey)
        {
            return;
        }

        foreach (var me in _identities)
        {
            if (me.AutomaticRotationStarted is { } started && epoch.Value < started.Value + RotationDelayEpochs + 2)
            {
                continue;
            }

            if (me.Signer.RemainingSignatures is not { } remaining || remaining > StatefulKeyReserve)
            {
                continue;
            }

            me.AutomaticRotations++;
            me.AutomaticRotationStarted = epoch;
            _events.Receive(new KeyRotationStarted(me.Id, remaining, epoch, _now));
            RotateKey(me.Id, nextKey(me.Id, me.AutomaticRotations), _now);
        }
    }
}
