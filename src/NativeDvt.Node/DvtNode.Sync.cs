using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Node;

public sealed partial class DvtNode
{
    /// <summary>How long a node that cannot catch up waits before it signs on what it holds (the whole devnet restarted).</summary>
    private const ulong SyncWaitEpochs = 2;

    private TimeSpan _startedAt;

    // The newest slot of a block whose ancestry the node lacks: evidence that its peers hold a newer chain.
    private Slot _newestUnconnected;

    /// <summary>
    /// With <see cref="NodeOptions.WaitForSync"/>, pauses every identity's signing while the head lags the clock by more
    /// than an epoch and the node has seen blocks it cannot yet connect (or in its first slot, before any could arrive): a
    /// node restarted into a running chain would otherwise propose and vote on its stale head beside the chain its peers
    /// run, until blocks requested by root connect it. A devnet that stalled shows no newer block, so nobody waits on it.
    /// Not in protocol.md: a client's sync policy, like a beacon node's "syncing" status.
    /// </summary>
    private void PauseWhileSyncing(Slot slot)
    {
        if (!_options.WaitForSync)
        {
            return;
        }

        var head = HeadBlock.Slot;
        var behind = head.Value + _preset.SlotsPerEpoch < slot.Value;
        var newerSeen = _newestUnconnected > head || _now - _startedAt < _options.SlotDuration;
        var waited = _now - _startedAt > _options.SlotDuration * (int)(_preset.SlotsPerEpoch * SyncWaitEpochs);
        var reason = behind && newerSeen && !waited ? $"syncing: the head is at slot {head.Value}, the clock at slot {slot.Value}" : null;
        foreach (var me in _identities)
        {
            me.Signer.Paused = reason;
        }
    }

    private void SawUnconnected(Slot slot)
    {
        if (slot > _newestUnconnected)
        {
            _newestUnconnected = slot;
        }
    }
}
