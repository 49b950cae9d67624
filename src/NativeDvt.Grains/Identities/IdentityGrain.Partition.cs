using NativeDvt.Libp2p.Core.Identity;

namespace NativeDvt.Grains.Identities;

/// <summary>The identity's side of a network partition (<see cref="Abstractions.IIdentityGrain.SetPartitionAsync"/>).</summary>
public sealed partial class IdentityGrain
{
    // In grain state: the partition is the experiment's, and it outlasts a move to another silo (failover, rebalancing).
    private HashSet<PeerId>? AdmittedPeers => state.State.AdmittedPeers is { } peers ? [.. peers.Select(PeerId.Parse)] : null;

    /// <inheritdoc />
    public async Task SetPartitionAsync(string[]? admittedPeerIds)
    {
        // Parsed before it is kept: a bad peer id must fail the call, not every later start.
        HashSet<PeerId>? admitted = admittedPeerIds is null ? null : [.. admittedPeerIds.Select(PeerId.Parse)];
        state.State.AdmittedPeers = admittedPeerIds;
        await state.WriteStateAsync();
        if (_node is { } node)
        {
            await node.SetPartitionAsync(admitted, Devnet, redial: true, _logger);
        }
    }

    /// <summary>A node started during a partition joins its side at once; the others' filters already refuse its dials across.</summary>
    private async Task ApplyPartitionAsync()
    {
        if (_node is { } node && AdmittedPeers is { } admitted)
        {
            await node.SetPartitionAsync(admitted, Devnet, redial: false, _logger);
        }
    }
}
