namespace NativeDvt.Simulation;

/// <summary>A message as it reaches one node of the simulated network.</summary>
/// <param name="From">The publishing node.</param>
/// <param name="Topic">The gossip topic.</param>
/// <param name="Data">The payload, shared by every delivery of one publication (never mutated).</param>
public readonly record struct GossipDelivery(int From, string Topic, byte[] Data);
