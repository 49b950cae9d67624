using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Node;

public sealed partial class DvtNode
{
    /// <summary>How long a node that cannot catch up waits before it signs on what it holds (the whole devnet restarted).</summary>
    private const ulong SyncWaitEpochs = 2;

    private TimeSpan _startedAt;

    /// <summary>
    /// With <see cref="NodeOptions.WaitForSync"/>, pauses every identity's signing while the head lags the clock by more
    /// than an epoch: a node restarted from genesis would otherwise propose and vote on genesis beside the chain its
    /// peers run, until blocks requested by root connect it. Not in protocol.md: a client's sync policy, like a beacon
    /// node's "syncing" status.
    /// </summary>
    private void PauseWhileSyncing(Slot slot)
    {
        if (!_options.WaitForSync)
        {
            return;
        }

        var head = HeadBlock.Slot;
        var behind = head.Value + _preset.SlotsPerEpoch < slot.Value;
        var waited = _now - _startedAt > _options.SlotDuration * (int)(_preset.SlotsPerEpoch * SyncWaitEpochs);
        var reason = behind && !waited ? $"syncing: the head is at slot {head.Value}, the clock at slot {slot.Value}" : null;
        foreach (var me in _identities)
        {
            me.Signer.Paused = reason;
        }
    }
}
