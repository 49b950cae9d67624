using NativeDvt.Consensus.Primitives;
using NativeDvt.Node.Network;

namespace NativeDvt.Simulation;

/// <summary>One node's port onto the <see cref="SimulatedNetwork"/>.</summary>
/// <remarks>Publications and block requests go through the node's <see cref="EffectLog"/>: they draw from the network's random stream.</remarks>
internal sealed class SimulatedGossipNetwork(SimulatedNetwork network, int node, EffectLog effects, Func<string, TimeSpan> holdBack, Action<int, Root> requestBlock) : IGossipNetwork
{
    public void Subscribe(string topic) => network.Subscribe(node, topic);

    public void Publish(string topic, byte[] data) => effects.Apply(() => network.Publish(node, topic, data, holdBack(topic)));

    public void RequestBlock(Root root) => effects.Apply(() => requestBlock(node, root));
}
