namespace NativeDvt.Simulation;

/// <summary>One publication's receivers that share a delay: one scheduler entry.</summary>
/// <param name="Receivers">Node ids, in the order they were drawn.</param>
/// <param name="Delivery">The message.</param>
/// <param name="Traffic">The topic's counters.</param>
internal sealed record DeliveryBatch(List<int> Receivers, GossipDelivery Delivery, TopicTraffic Traffic);
