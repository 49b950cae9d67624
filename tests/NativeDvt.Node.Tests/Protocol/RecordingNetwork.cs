using NativeDvt.Consensus.Primitives;
using NativeDvt.Node.Network;

namespace NativeDvt.Node.Tests.Protocol;

/// <summary>A network that keeps what a node publishes.</summary>
internal sealed class RecordingNetwork : IGossipNetwork
{
    public List<string> Subscriptions { get; } = [];

    public List<(string Topic, byte[] Data)> Published { get; } = [];

    public List<Root> Requested { get; } = [];

    public void Subscribe(string topic) => Subscriptions.Add(topic);

    public void Publish(string topic, byte[] data) => Published.Add((topic, data));

    public void RequestBlock(Root root) => Requested.Add(root);
}
