using NativeDvt.Devnet;
using NativeDvt.Node.Mempool;
using NativeDvt.Node.Profiles;

namespace NativeDvt.Shared;

/// <summary>
/// Maps a devnet file's settings onto the node's options. One source file compiled into each host that builds nodes
/// from a devnet file (the simulator and the node over libp2p): the node does not reference the devnet file's model,
/// the file's model does not reference the node, and neither host references the other.
/// </summary>
internal static class DevnetToNode
{
    /// <summary>
    /// The node's behaviour for a member's profile. Late and offline are honest to the node: the host delays the
    /// member's blocks or never starts it.
    /// </summary>
    public static ClientProfile ToClientProfile(this MemberProfile profile) => new(profile.Kind switch
    {
        ProfileKind.Equivocator => ClientProfileKind.Equivocator,
        ProfileKind.BugInvalidStateRoot => ClientProfileKind.BugInvalidStateRoot,
        ProfileKind.BugWrongHeadAfterReorg => ClientProfileKind.BugWrongHeadAfterReorg,
        ProfileKind.Censor => ClientProfileKind.Censor,
        _ => ClientProfileKind.Honest,
    })
    {
        TriggerSlot = profile.TriggerSlot,
    };

    /// <summary>The simulated mempool's settings of a devnet file.</summary>
    public static MempoolOptions ToMempoolOptions(this MempoolSpec mempool) =>
        new(mempool.Transactions, mempool.TransactionBytes, mempool.Visibility);
}
