namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>A message that passed validation and is delivered to the application.</summary>
public sealed class GossipMessageEventArgs(string propagationSource, MessageId id, PubsubMessage message) : EventArgs
{
    /// <summary>The peer that delivered it to us (StrictNoSign messages carry no author).</summary>
    public string PropagationSource { get; } = propagationSource;

    public MessageId Id { get; } = id;

    public PubsubMessage Message { get; } = message;

    public string Topic => Message.Topic;

    public byte[] Data => Message.Data;
}
