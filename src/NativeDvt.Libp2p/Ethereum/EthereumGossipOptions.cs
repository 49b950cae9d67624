using NativeDvt.Libp2p.Gossipsub;

namespace NativeDvt.Libp2p.Ethereum;

/// <summary>
/// Gossipsub parameters of the Ethereum consensus p2p spec (phase0 "gossipsub" table): D=8, D_low=6,
/// D_high=12, D_lazy=6, heartbeat 0.7 s, fanout TTL 60 s, mcache 6 windows with 3 gossiped, seen TTL
/// of one epoch (550 heartbeats on mainnet), StrictNoSign with the Ethereum message id, and RPC frames up
/// to max_message_size().
/// </summary>
public static class EthereumGossipOptions
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(700);

    /// <summary>550 heartbeats: one mainnet epoch (32 slots of 12 s).</summary>
    public static readonly TimeSpan DefaultSeenTtl = HeartbeatInterval * 550;

    public static GossipsubOptions Create(TimeSpan? seenTtl = null) => new()
    {
        D = 8,
        DLo = 6,
        DHi = 12,
        DLazy = 6,
        DScore = 4,
        DOut = 2,
        HeartbeatInterval = HeartbeatInterval,
        FanoutTtl = TimeSpan.FromSeconds(60),
        HistoryLength = 6,
        HistoryGossip = 3,
        SeenTtl = seenTtl ?? DefaultSeenTtl,
        MessageIdFunction = EthereumMessageId.Compute,
        MaxRpcSize = EthereumGossipLimits.MaxMessageSize,
    };

    /// <summary>
    /// Topic score parameters this devnet applies to each topic it joins: time in mesh and first deliveries
    /// reward, invalid messages penalise quadratically (with the default thresholds, three recent invalid
    /// messages graylist a peer), and the penalty decays with a half-life of about 70 s. Mesh delivery
    /// deficits (P3) stay off: devnet topics are too quiet for a delivery rate to mean anything.
    /// </summary>
    public static TopicScoreParams DefaultTopicScoreParams { get; } = new()
    {
        TopicWeight = 1,
        TimeInMeshWeight = 0.01,
        TimeInMeshQuantum = TimeSpan.FromSeconds(1),
        TimeInMeshCap = 300,
        FirstMessageDeliveriesWeight = 1,
        FirstMessageDeliveriesDecay = 0.99,
        FirstMessageDeliveriesCap = 20,
        InvalidMessageDeliveriesWeight = -10,
        InvalidMessageDeliveriesDecay = 0.99,
    };

    /// <summary>Adds <paramref name="topic"/> to the scored topics with <see cref="DefaultTopicScoreParams"/>.</summary>
    public static GossipsubOptions WithTopicScoring(GossipsubOptions options, string topic)
    {
        var topics = new Dictionary<string, TopicScoreParams>(options.ScoreParams.Topics) { [topic] = DefaultTopicScoreParams };
        return options with { ScoreParams = options.ScoreParams with { Topics = topics } };
    }
}
