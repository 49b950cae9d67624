namespace NativeDvt.Grains.Abstractions;

/// <summary>What one gossip topic carried for one node since it started.</summary>
/// <param name="Topic">The topic's short name (<c>beacon_block</c>, <c>group_attestation_3</c>, ...).</param>
/// <param name="Published">Messages the node published.</param>
/// <param name="PublishedBytes">Their SSZ bytes, before snappy.</param>
/// <param name="Accepted">Deliveries the node accepted.</param>
/// <param name="Rejected">Deliveries it rejected (their senders are penalised).</param>
/// <param name="Ignored">Deliveries it ignored.</param>
[GenerateSerializer, Immutable, Alias("ndvt.topic-traffic")]
public sealed record TopicTraffic(
    [property: Id(0)] string Topic,
    [property: Id(1)] long Published,
    [property: Id(2)] long PublishedBytes,
    [property: Id(3)] long Accepted,
    [property: Id(4)] long Rejected,
    [property: Id(5)] long Ignored);
