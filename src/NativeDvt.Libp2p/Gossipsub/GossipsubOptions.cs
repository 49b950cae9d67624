using System.Security.Cryptography;

namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>
/// Router parameters. Degrees and cache windows default to the values Ethereum consensus clients use
/// (D=8, D_lo=6, D_hi=12, D_lazy=6, mcache 6/3; the libp2p spec suggests D=6, D_lo=4, mcache 5); the
/// rest follow the gossipsub v1.0/v1.1 specs.
/// </summary>
public sealed record GossipsubOptions
{
    /// <summary>Desired mesh degree.</summary>
    public int D { get; init; } = 8;

    /// <summary>Below this mesh size the heartbeat grafts up to <see cref="D"/>.</summary>
    public int DLo { get; init; } = 6;

    /// <summary>Above this mesh size the heartbeat prunes down to <see cref="D"/>.</summary>
    public int DHi { get; init; } = 12;

    /// <summary>Minimum number of peers that receive IHAVE gossip per topic per heartbeat.</summary>
    public int DLazy { get; init; } = 6;

    /// <summary>When pruning an oversized mesh, this many best-scoring peers are kept before random selection.</summary>
    public int DScore { get; init; } = 4;

    /// <summary>Minimum number of outbound connections kept in each mesh (must be below DLo and at most D/2).</summary>
    public int DOut { get; init; } = 2;

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan FanoutTtl { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Number of heartbeat windows the message cache keeps (mcache_len).</summary>
    public int HistoryLength { get; init; } = 6;

    /// <summary>Number of recent windows whose ids are gossiped in IHAVE (mcache_gossip).</summary>
    public int HistoryGossip { get; init; } = 3;

    public TimeSpan SeenTtl { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan PruneBackoff { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan UnsubscribeBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A GRAFT this soon after our PRUNE counts as a flood and earns an extra behaviour penalty.</summary>
    public TimeSpan GraftFloodThreshold { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether PRUNE carries peer exchange candidates (Ethereum clients disable it).</summary>
    public bool PeerExchange { get; init; }

    /// <summary>Maximum number of peer exchange candidates per PRUNE.</summary>
    public int PrunePeers { get; init; } = 16;

    /// <summary>Fraction of eligible non-mesh peers that receive gossip, when above <see cref="DLazy"/>.</summary>
    public double GossipFactor { get; init; } = 0.25;

    /// <summary>How many times one peer may fetch the same message by IWANT.</summary>
    public int GossipRetransmission { get; init; } = 3;

    /// <summary>Most message ids we ask one peer for per heartbeat, and most ids per IHAVE we send.</summary>
    public int MaxIHaveLength { get; init; } = 5000;

    /// <summary>Most IHAVE messages accepted from one peer per heartbeat.</summary>
    public int MaxIHaveMessages { get; init; } = 10;

    /// <summary>A peer that advertised a message and did not deliver it within this time after our IWANT is penalised.</summary>
    public TimeSpan IWantFollowupTime { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Opportunistic grafting runs every this many heartbeats; zero disables it.</summary>
    public int OpportunisticGraftTicks { get; init; } = 60;

    public int OpportunisticGraftPeers { get; init; } = 2;

    /// <summary>Publish our own messages to every topic peer above the publish threshold, not only the mesh.</summary>
    public bool FloodPublish { get; init; } = true;

    /// <summary>Largest encoded RPC frame accepted or sent (the length prefix excluded).</summary>
    public int MaxRpcSize { get; init; } = 1 << 20;

    /// <summary>Most topics one peer may announce; further subscriptions from it are ignored.</summary>
    public int MaxSubscriptionsPerPeer { get; init; } = 1024;

    /// <summary>
    /// Most RPCs queued for one peer's outbound stream; beyond it new RPCs to that peer are dropped (gossip
    /// repairs lost messages), so a stalled peer cannot grow our memory without bound.
    /// </summary>
    public int OutboundQueueLength { get; init; } = 65_536;

    /// <summary>Computes a message's id; the StrictNoSign default is SHA-256 of the data.</summary>
    public Func<PubsubMessage, byte[]> MessageIdFunction { get; init; } = static message => SHA256.HashData(message.Data);

    public PeerScoreParams ScoreParams { get; init; } = new();

    public PeerScoreThresholds ScoreThresholds { get; init; } = new();

    /// <summary>Seed for peer selection, so tests are reproducible; null seeds from the system.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>Throws when the degree parameters contradict the spec's constraints.</summary>
    public void Validate()
    {
        if (!(DLo <= D && D <= DHi))
        {
            throw new ArgumentException($"gossipsub degrees must satisfy DLo <= D <= DHi (got {DLo}, {D}, {DHi})");
        }

        if (DOut >= DLo || DOut > D / 2)
        {
            throw new ArgumentException($"gossipsub DOut must be below DLo and at most D/2 (got {DOut})");
        }

        if (DScore > D)
        {
            throw new ArgumentException($"gossipsub DScore must be at most D (got {DScore})");
        }

        if (HistoryGossip > HistoryLength)
        {
            throw new ArgumentException("gossipsub HistoryGossip must not exceed HistoryLength");
        }

        foreach (var (topic, p) in ScoreParams.Topics)
        {
            if (p.MeshMessageDeliveriesWeight > 0 || p.MeshFailurePenaltyWeight > 0 || p.InvalidMessageDeliveriesWeight > 0 || p.TimeInMeshQuantum <= TimeSpan.Zero)
            {
                throw new ArgumentException($"gossipsub score parameters of {topic}: P3, P3b and P4 weights must not be positive and the time-in-mesh quantum must be positive");
            }
        }

        if (ScoreParams.BehaviourPenaltyWeight > 0 || ScoreParams.DecayInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("gossipsub score parameters: the behaviour penalty weight must not be positive and the decay interval must be positive");
        }

        var thresholds = ScoreThresholds;
        if (!(thresholds.GraylistThreshold <= thresholds.PublishThreshold && thresholds.PublishThreshold <= thresholds.GossipThreshold && thresholds.GossipThreshold <= 0))
        {
            throw new ArgumentException("gossipsub thresholds must satisfy graylist <= publish <= gossip <= 0");
        }
    }
}
