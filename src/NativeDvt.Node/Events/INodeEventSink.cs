namespace NativeDvt.Node.Events;

/// <summary>
/// Where a node reports what it does (<see cref="NodeEvent"/>), for the simulator's report, metrics and the devnet's
/// event log. Called synchronously from the node's own calls.
/// </summary>
/// <remarks>A sink switches on the event's type and ignores the events it does not record.</remarks>
public interface INodeEventSink
{
    /// <summary>Takes one event.</summary>
    void Receive(NodeEvent nodeEvent);
}
