using NativeDvt.Libp2p.Core.Identity;

namespace NativeDvt.Grains.Identities;

/// <summary>The identity's side of a network partition (<see cref="Abstractions.IIdentityGrain.SetPartitionAsync"/>).</summary>
public sealed partial class IdentityGrain
{
    // In the activation only: a partition is an experiment's state, and a move to another silo is already a fault of its own.
    private HashSet<PeerId>? _admittedPeers;

    /// <inheritdoc />
    public async Task SetPartitionAsync(string[]? admittedPeerIds)
    {
        _admittedPeers = admittedPeerIds is null ? null : [.. admittedPeerIds.Select(PeerId.Parse)];
        if (_node is { } node)
        {
            await node.SetPartitionAsync(_admittedPeers, Devnet, redial: true, _logger);
        }
    }

    /// <summary>A node started during a partition joins its side at once; the others' filters already refuse its dials across.</summary>
    private async Task ApplyPartitionAsync()
    {
        if (_node is { } node && _admittedPeers is not null)
        {
            await node.SetPartitionAsync(_admittedPeers, Devnet, redial: false, _logger);
        }
    }
}
