using NativeDvt.Consensus.State;
using NativeDvt.Ssz;

namespace NativeDvt.Grains.Identities;

public sealed partial class IdentityGrain
{
    /// <inheritdoc />
    public async Task<byte[]?> GetFinalizedStateAsync() =>
        _node is { } node && await node.FinalizedStateAsync() is { } finalized ? BeaconState.CodecFor(finalized.Config).Encode(finalized) : null;
}
