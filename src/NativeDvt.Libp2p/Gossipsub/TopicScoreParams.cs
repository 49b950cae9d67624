namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>
/// Per-topic peer score parameters of gossipsub v1.1 (P1 time in mesh, P2 first message deliveries,
/// P3/P3b mesh message delivery deficit and failure penalty, P4 invalid messages). Weights of
/// penalties (P3, P3b, P4) must be negative; decays are factors in [0, 1) applied every decay interval.
/// </summary>
public sealed record TopicScoreParams
{
    public double TopicWeight { get; init; } = 1.0;

    public double TimeInMeshWeight { get; init; } = 0.01;

    public TimeSpan TimeInMeshQuantum { get; init; } = TimeSpan.FromSeconds(1);

    public double TimeInMeshCap { get; init; } = 3600;

    public double FirstMessageDeliveriesWeight { get; init; } = 1.0;

    public double FirstMessageDeliveriesDecay { get; init; } = 0.5;

    public double FirstMessageDeliveriesCap { get; init; } = 100;

    /// <summary>P3 weight: zero disables the mesh delivery deficit.</summary>
    public double MeshMessageDeliveriesWeight { get; init; }

    public double MeshMessageDeliveriesDecay { get; init; } = 0.5;

    public double MeshMessageDeliveriesCap { get; init; } = 100;

    public double MeshMessageDeliveriesThreshold { get; init; } = 1;

    /// <summary>Duplicates from mesh peers arriving this long after the first delivery still count for P3.</summary>
    public TimeSpan MeshMessageDeliveriesWindow { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>P3 only applies once a peer has been in the mesh this long.</summary>
    public TimeSpan MeshMessageDeliveriesActivation { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>P3b weight: zero disables the sticky mesh failure penalty.</summary>
    public double MeshFailurePenaltyWeight { get; init; }

    public double MeshFailurePenaltyDecay { get; init; } = 0.5;

    public double InvalidMessageDeliveriesWeight { get; init; } = -1.0;

    public double InvalidMessageDeliveriesDecay { get; init; } = 0.3;
}
