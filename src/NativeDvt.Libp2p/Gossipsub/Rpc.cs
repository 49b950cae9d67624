namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>One pubsub RPC frame: the <c>RPC</c> message of the libp2p pubsub rpc.proto.</summary>
public sealed record Rpc
{
    public IReadOnlyList<SubOpts> Subscriptions { get; init; } = [];

    public IReadOnlyList<PubsubMessage> Messages { get; init; } = [];

    public ControlMessage? Control { get; init; }

    /// <summary>True when the frame carries nothing worth sending.</summary>
    public bool IsEmpty => Subscriptions.Count == 0 && Messages.Count == 0 && (Control is null || Control.IsEmpty);
}
