namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>Peer score parameters of gossipsub v1.1 (topic scores, P5 application score, P7 behaviour penalty, decay).</summary>
public sealed record PeerScoreParams
{
    /// <summary>Topics that contribute to the score; messages on other topics do not affect it.</summary>
    public IReadOnlyDictionary<string, TopicScoreParams> Topics { get; init; } = new Dictionary<string, TopicScoreParams>();

    /// <summary>Cap on the positive sum of topic scores; zero means no cap.</summary>
    public double TopicScoreCap { get; init; }

    /// <summary>P5: an application-supplied score per peer (weighted by <see cref="AppSpecificWeight"/>).</summary>
    public Func<string, double>? AppSpecificScore { get; init; }

    public double AppSpecificWeight { get; init; } = 1.0;

    /// <summary>P7 weight (negative): applied to the square of the penalty above the threshold.</summary>
    public double BehaviourPenaltyWeight { get; init; } = -10.0;

    public double BehaviourPenaltyThreshold { get; init; }

    public double BehaviourPenaltyDecay { get; init; } = 0.9;

    public TimeSpan DecayInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Decayed counters below this value become zero.</summary>
    public double DecayToZero { get; init; } = 0.01;

    /// <summary>How long a disconnected peer's counters are kept, so reconnecting does not reset a bad score.</summary>
    public TimeSpan RetainScore { get; init; } = TimeSpan.FromMinutes(10);
}
