namespace NativeDvt.Simulation.Reporting;

/// <summary>Gossip traffic of one topic over the run.</summary>
/// <param name="Topic">The topic's short name.</param>
/// <param name="Published">Publications.</param>
/// <param name="PublishedBytes">Bytes published.</param>
/// <param name="Delivered">Deliveries to nodes.</param>
/// <param name="DeliveredBytes">Bytes delivered.</param>
/// <param name="Dropped">Deliveries lost (loss, partitions, nodes down).</param>
/// <param name="PublishedPerSlot">Publications per slot.</param>
/// <param name="DeliveredBytesPerSlot">Bytes delivered per slot.</param>
public sealed record TopicFigures(string Topic, long Published, long PublishedBytes, long Delivered, long DeliveredBytes, long Dropped, double PublishedPerSlot, double DeliveredBytesPerSlot);
