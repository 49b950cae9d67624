using NativeDvt.Node.Events;

namespace NativeDvt.Node.Tests.Protocol;

/// <summary>Keeps every event a node raised, in order.</summary>
internal sealed class RecordingEvents : INodeEventSink
{
    public List<NodeEvent> All { get; } = [];

    public void Receive(NodeEvent nodeEvent) => All.Add(nodeEvent);

    public IReadOnlyList<T> Of<T>()
        where T : NodeEvent => [.. All.OfType<T>()];

    public int Count<T>()
        where T : NodeEvent => All.OfType<T>().Count();
}
