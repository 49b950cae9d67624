using NativeDvt.Consensus.Primitives;
using NativeDvt.Node.Network;

namespace NativeDvt.Simulation;

/// <summary>One node's port onto the <see cref="SimulatedNetwork"/>.</summary>
internal sealed class SimulatedGossipNetwork(SimulatedNetwork network, int node, Func<string, TimeSpan> holdBack, Action<int, Root> requestBlock) : IGossipNetwork
{
    public void Subscribe(string topic) => network.Subscribe(node, topic);

    public void Publish(string topic, byte[] data) => network.Publish(node, topic, data, holdBack(topic));

    public void RequestBlock(Root root) => requestBlock(node, root);
}
