namespace NativeDvt.Simulation;

/// <summary>Traffic on one topic: what was published and what reached nodes.</summary>
public sealed class TopicTraffic
{
    /// <summary>Publications.</summary>
    public long Published { get; internal set; }

    /// <summary>Payload bytes published.</summary>
    public long PublishedBytes { get; internal set; }

    /// <summary>Deliveries to nodes (one publication reaches many).</summary>
    public long Delivered { get; internal set; }

    /// <summary>Payload bytes delivered.</summary>
    public long DeliveredBytes { get; internal set; }

    /// <summary>Deliveries dropped by loss, partitions or a node that was down.</summary>
    public long Dropped { get; internal set; }
}
