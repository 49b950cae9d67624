namespace NativeDvt.Grains.Abstractions;

/// <summary>
/// One virtual identity = one node (key <see cref="IdentityKeys"/>): its activation runs a DvtNode on its own libp2p host
/// with a peer id kept in grain state, signing records kept durable before any signature leaves, and gossip with the
/// other identities over libp2p. Grain calls are the control plane only.
/// </summary>
public partial interface IIdentityGrain : IGrainWithStringKey
{
    /// <summary>Starts the node unless it runs or was stopped on purpose; returns its status. Every silo's keeper calls it.</summary>
    Task<IdentityStatus> EnsureRunningAsync();

    /// <summary>Starts the node (after <see cref="StopAsync"/>).</summary>
    Task<IdentityStatus> StartAsync();

    /// <summary>Stops the node and keeps it stopped (a fault experiment), until <see cref="StartAsync"/>.</summary>
    Task StopAsync();

    /// <summary>
    /// Moves the identity to the silo the devnet's dealing gives it when that is another active silo (a silo joined after
    /// it started elsewhere): its node stops at once and starts there on the next keeper call, with the same host key and
    /// signing records. True when a move started.
    /// </summary>
    Task<bool> RebalanceAsync();

    /// <summary>
    /// Starts a rotation of the member's key to its next generation (the operator's request; a <c>rotate</c> fault): the
    /// node signs a KeyRotation, the group co-signs it, and the new key takes effect two epochs later. False when the node
    /// does not run.
    /// </summary>
    Task<bool> RotateKeyAsync();

    /// <summary>The node's status.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<IdentityStatus> GetStatusAsync();

    /// <summary>
    /// The header of <paramref name="blockId"/> (head, genesis, finalized, justified, a slot number or a 0x root) in the
    /// node's view, or null when it has none.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<HeaderSummary?> GetHeaderAsync(string blockId);

    /// <summary>
    /// The SSZ post-state of the newest finalized block the node holds, for an identity that starts into the running devnet
    /// (checkpoint sync over the control plane); null while the node does not run.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<byte[]?> GetFinalizedStateAsync();

    /// <summary>
    /// Puts the node on one side of a network partition: it talks only to the libp2p peers <paramref name="admittedPeerIds"/>
    /// (connections to others close and stay refused, both ways). Null heals: every peer is admitted again and the node
    /// dials the devnet's peers. Kept in grain state: applies to the node while it runs and whenever it starts again, on
    /// this silo or another.
    /// </summary>
    Task SetPartitionAsync(string[]? admittedPeerIds);
}
