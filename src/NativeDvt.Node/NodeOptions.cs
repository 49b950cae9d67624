using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.State;
using NativeDvt.Crypto;
using NativeDvt.Node.Events;
using NativeDvt.Node.Mempool;
using NativeDvt.Node.Profiles;
using NativeDvt.Node.Sharing;
using NativeDvt.Node.Signing;

namespace NativeDvt.Node;

/// <summary>Everything one node is made of, chosen by its host.</summary>
public sealed record NodeOptions
{
    /// <summary>The virtual identity this node runs.</summary>
    public required MemberId Identity { get; init; }

    /// <summary>The genesis state (shared, never mutated).</summary>
    public required BeaconState Genesis { get; init; }

    /// <summary>
    /// Where the node's chain starts when not at genesis: the post-state of a finalized block of this chain (checkpoint
    /// sync, as a beacon node started with a checkpoint-sync URL), taken on trust as checkpoint sync takes it. The node
    /// fetches the blocks after it by root from its peers. Null: genesis. A host restarting a node into a chain whose
    /// peers have pruned the blocks below finality must give one: from genesis the node could never connect.
    /// </summary>
    public BeaconState? Anchor { get; init; }

    /// <summary>Slot length; the node asks for ticks at twelfths of it.</summary>
    public required TimeSpan SlotDuration { get; init; }

    /// <summary>The member key's scheme.</summary>
    public required ISignatureScheme Scheme { get; init; }

    /// <summary>The member's secret key.</summary>
    public required byte[] SecretKey { get; init; }

    /// <summary>Further keys of <see cref="Identity"/> the signer holds (see <see cref="IdentityOptions.HeldKeys"/>).</summary>
    public IReadOnlyList<byte[]> HeldKeys { get; init; } = [];

    /// <summary>Post-states shared by the nodes of the process (its verifier is the process-wide cached one).</summary>
    public required SharedStateCache States { get; init; }

    /// <summary>
    /// Where the signing records of every identity the node serves go (slashing protection, inclusion lists, and the
    /// one-time-key indices of a stateful scheme built over it), and what holds messages until they are durable. The
    /// default keeps them in memory only.
    /// </summary>
    public SigningJournal Journal { get; init; } = new();

    /// <summary>Where events go.</summary>
    public required INodeEventSink Events { get; init; }

    /// <summary>The client profile (honest unless set).</summary>
    public ClientProfile Profile { get; init; } = ClientProfile.Honest;

    /// <summary>Where the node's payload and inclusion-list transactions come from (none unless set).</summary>
    public IMempool Mempool { get; init; } = SimulatedMempool.Empty;

    /// <summary>
    /// The host's source of an identity's next key for a stateful scheme (identity, generation 1, 2, ...): when set, an
    /// identity whose key is running out of one-time keys rotates to the next one through the protocol's key rotation
    /// before it runs out. Null: no automatic rotation (the key's signatures end, each a refusal).
    /// </summary>
    public Func<MemberId, int, byte[]>? NextStatefulKey { get; init; }

    /// <summary>
    /// True: while the node's head is more than an epoch behind the clock (a node that restarts from genesis into a running
    /// chain), its identities sign nothing until it has caught up from its peers, for at most two epochs after its start.
    /// A host that restarts nodes into a running devnet sets it; the simulator does not.
    /// </summary>
    public bool WaitForSync { get; init; }

    /// <summary>Graffiti the node puts in its blocks.</summary>
    public Root Graffiti { get; init; }

    /// <summary>
    /// Further identities served by the same view (block store, fork choice, pools); at most one identity per group,
    /// so a group's members keep independent views. Empty: one node, one identity.
    /// </summary>
    public IReadOnlyList<IdentityOptions> MoreIdentities { get; init; } = [];
}
