using NativeDvt.Grains.Abstractions;
using NativeDvt.Grains.Groups;

namespace NativeDvt.Grains.Identities;

internal sealed partial class IdentityNode
{
    /// <summary>
    /// Group <paramref name="group"/> as this node's canonical chain records it. Only the walk down the chain runs on the
    /// node's loop; the states are advanced on the thread pool, so a dashboard read never delays a duty by an epoch
    /// transition.
    /// </summary>
    public async Task<GroupChainView?> GroupChainAsync(ulong group, int maxEpochs)
    {
        var chain = await _node.InvokeAsync(node => Canonical(node).ToList()).ConfigureAwait(false);
        return await Task.Run(() => GroupChainReader.Read(chain, group, maxEpochs)).ConfigureAwait(false);
    }

    /// <summary>The group slashings the canonical block of <paramref name="slot"/> carries.</summary>
    public Task<SlashingEvidence[]> SlashingEvidenceAsync(ulong slot) => _node.InvokeAsync(node =>
        Canonical(node).FirstOrDefault(b => b.Slot.Value == slot)?.Block is { } block ? SlashingEvidenceReader.Read(block.Message) : []);
}
