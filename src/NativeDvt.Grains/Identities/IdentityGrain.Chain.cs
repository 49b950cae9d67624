using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Identities;

public sealed partial class IdentityGrain
{
    /// <inheritdoc />
    public async Task<GroupChainView?> GetGroupChainAsync(ulong group, int maxEpochs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxEpochs);
        return _node is { } node ? await node.GroupChainAsync(group, maxEpochs) : null;
    }

    /// <inheritdoc />
    public async Task<SlashingEvidence[]> GetSlashingEvidenceAsync(ulong slot) =>
        _node is { } node ? await node.SlashingEvidenceAsync(slot) : [];
}
