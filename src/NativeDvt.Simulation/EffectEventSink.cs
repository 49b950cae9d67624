using NativeDvt.Node.Events;

namespace NativeDvt.Simulation;

/// <summary>A node's events, passed to the shared sink through the node's <see cref="EffectLog"/> (kept while its deliveries run beside others').</summary>
internal sealed class EffectEventSink(EffectLog log, INodeEventSink inner) : INodeEventSink
{
    public void Receive(NodeEvent nodeEvent)
    {
        // Attestations come from every identity every slot: no closure unless the event has to wait.
        if (log.Deferring)
        {
            log.Apply(() => inner.Receive(nodeEvent));
        }
        else
        {
            inner.Receive(nodeEvent);
        }
    }
}
