using NativeDvt.Node.Network;

namespace NativeDvt.Node.Hosting;

/// <summary>
/// The calls a host makes into a node state machine (<see cref="DvtNode"/>'s shape): the <see cref="NodeRunner"/>
/// drives any of them, which lets tests watch how it calls in.
/// </summary>
public interface IDrivenNode
{
    /// <summary>Starts the node at <paramref name="now"/> (time since genesis); returns the first instant it wants a tick.</summary>
    TimeSpan Start(TimeSpan now);

    /// <summary>Runs what is due at <paramref name="now"/>; returns the next instant the node wants a tick.</summary>
    TimeSpan OnTick(TimeSpan now);

    /// <summary>Validates and takes one gossip payload (SSZ).</summary>
    GossipVerdict OnGossip(TimeSpan now, string topic, byte[] data);

    /// <summary>
    /// Completes what the last call left waiting (durable signing records, and the messages held behind them); the
    /// runner awaits it after every call, before the next one.
    /// </summary>
    ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
