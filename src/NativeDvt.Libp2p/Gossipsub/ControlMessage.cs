namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>Gossipsub control messages piggybacked on an RPC (<c>ControlMessage</c>).</summary>
public sealed record ControlMessage
{
    public IReadOnlyList<ControlIHave> IHave { get; init; } = [];

    public IReadOnlyList<ControlIWant> IWant { get; init; } = [];

    public IReadOnlyList<ControlGraft> Graft { get; init; } = [];

    public IReadOnlyList<ControlPrune> Prune { get; init; } = [];

    public bool IsEmpty => IHave.Count == 0 && IWant.Count == 0 && Graft.Count == 0 && Prune.Count == 0;
}
