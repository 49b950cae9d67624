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
}
