using NativeDvt.Consensus.Primitives;
using NativeDvt.Node.Events;
using NativeDvt.Node.Profiles;

namespace NativeDvt.Node;

/// <summary>
/// One more member key served by a node's view (like one more validator key on a beacon node): its own signer,
/// duties and signing records (kept through the node's journal); the block store, fork choice and pools are the node's.
/// </summary>
public sealed record IdentityOptions
{
    /// <summary>The virtual identity.</summary>
    public required MemberId Identity { get; init; }

    /// <summary>The member's secret key (same scheme as the node's).</summary>
    public required byte[] SecretKey { get; init; }

    /// <summary>
    /// Further keys of the member (a stateful key's former or next generation, for a node restarted around a key rotation):
    /// the signer holds them and signs with whichever the chain has in force from the first slot on.
    /// </summary>
    public IReadOnlyList<byte[]> HeldKeys { get; init; } = [];

    /// <summary>The client profile of this identity's duties (view-wide behaviours follow the node's own profile).</summary>
    public ClientProfile Profile { get; init; } = ClientProfile.Honest;

    /// <summary>Graffiti this identity puts in its blocks.</summary>
    public Root Graffiti { get; init; }
}
