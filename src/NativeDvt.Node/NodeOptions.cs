using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.SlashingProtection;
using NativeDvt.Consensus.State;
using NativeDvt.Crypto;
using NativeDvt.Node.Events;
using NativeDvt.Node.Mempool;
using NativeDvt.Node.Profiles;
using NativeDvt.Node.Sharing;

namespace NativeDvt.Node;

/// <summary>Everything one node is made of, chosen by its host.</summary>
public sealed record NodeOptions
{
    /// <summary>The virtual identity this node runs.</summary>
    public required MemberId Identity { get; init; }

    /// <summary>The genesis state (shared, never mutated).</summary>
    public required BeaconState Genesis { get; init; }

    /// <summary>Slot length; the node asks for ticks at twelfths of it.</summary>
    public required TimeSpan SlotDuration { get; init; }

    /// <summary>The member key's scheme.</summary>
    public required ISignatureScheme Scheme { get; init; }

    /// <summary>The member's secret key.</summary>
    public required byte[] SecretKey { get; init; }

    /// <summary>Post-states shared by the nodes of the process (its verifier is the process-wide cached one).</summary>
    public required SharedStateCache States { get; init; }

    /// <summary>The member's slashing-protection history (durable in a real host).</summary>
    public required ISlashingProtectionStore ProtectionStore { get; init; }

    /// <summary>Where events go.</summary>
    public required INodeEventSink Events { get; init; }

    /// <summary>The client profile (honest unless set).</summary>
    public ClientProfile Profile { get; init; } = ClientProfile.Honest;

    /// <summary>Where the node's payload and inclusion-list transactions come from (none unless set).</summary>
    public IMempool Mempool { get; init; } = SimulatedMempool.Empty;

    /// <summary>Graffiti the node puts in its blocks.</summary>
    public Root Graffiti { get; init; }

    /// <summary>
    /// Further identities served by the same view (block store, fork choice, pools); at most one identity per group,
    /// so a group's members keep independent views. Empty: one node, one identity.
    /// </summary>
    public IReadOnlyList<IdentityOptions> MoreIdentities { get; init; } = [];
}
