using NativeDvt.Node.Network;

namespace NativeDvt.Node.Hosting;

/// <summary>A <see cref="DvtNode"/> as the <see cref="NodeRunner"/> drives it.</summary>
public sealed class DrivenDvtNode(DvtNode node) : IDrivenNode
{
    /// <summary>The node.</summary>
    public DvtNode Node { get; } = node;

    /// <inheritdoc />
    public TimeSpan Start(TimeSpan now) => Node.Start(now);

    /// <inheritdoc />
    public TimeSpan OnTick(TimeSpan now) => Node.OnTick(now);

    /// <inheritdoc />
    public GossipVerdict OnGossip(TimeSpan now, string topic, byte[] data) => Node.OnGossip(now, topic, data);

    /// <inheritdoc />
    public ValueTask FlushAsync(CancellationToken cancellationToken) =>
        Node.Journal.HasPending ? Node.FlushAsync(cancellationToken) : ValueTask.CompletedTask;
}
