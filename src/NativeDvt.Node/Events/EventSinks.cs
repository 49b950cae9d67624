namespace NativeDvt.Node.Events;

/// <summary>Sends every event to several sinks in order, so a host can record a report and export metrics at once.</summary>
public sealed class EventSinks(params IReadOnlyList<INodeEventSink> sinks) : INodeEventSink
{
    /// <inheritdoc/>
    public void Receive(NodeEvent nodeEvent)
    {
        foreach (var sink in sinks)
        {
            sink.Receive(nodeEvent);
        }
    }
}
