using NativeDvt.Libp2p.Gossipsub;

namespace NativeDvt.Libp2p.Tests.Gossipsub;

internal static class TestOptions
{
    public const string Topic = "t";

    /// <summary>Spec-like degrees (D=8 as Ethereum uses), scoring on topic "t", a seeded random source.</summary>
    public static GossipsubOptions Create(int seed, bool floodPublish = true) => new()
    {
        D = 8,
        DLo = 6,
        DHi = 12,
        DLazy = 6,
        DScore = 4,
        DOut = 2,
        HeartbeatInterval = TimeSpan.FromMilliseconds(700),
        HistoryLength = 6,
        HistoryGossip = 3,
        FloodPublish = floodPublish,
        RandomSeed = seed,
        ScoreParams = new PeerScoreParams
        {
            Topics = new Dictionary<string, TopicScoreParams>
            {
                [Topic] = new TopicScoreParams
                {
                    TopicWeight = 1,
                    TimeInMeshWeight = 0.01,
                    TimeInMeshQuantum = TimeSpan.FromSeconds(1),
                    TimeInMeshCap = 100,
                    FirstMessageDeliveriesWeight = 1,
                    FirstMessageDeliveriesDecay = 0.9,
                    FirstMessageDeliveriesCap = 20,
                    InvalidMessageDeliveriesWeight = -10,
                    InvalidMessageDeliveriesDecay = 0.9,
                },
            },
            DecayInterval = TimeSpan.FromSeconds(1),
        },
    };
}
