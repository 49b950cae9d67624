namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>
/// A published message (<c>Message</c> in rpc.proto). Under StrictNoSign, the only policy this router
/// speaks, <see cref="From"/>, <see cref="Seqno"/>, <see cref="Signature"/> and <see cref="Key"/> must be absent.
/// </summary>
public sealed record PubsubMessage
{
    public byte[]? From { get; init; }

    public byte[] Data { get; init; } = [];

    public byte[]? Seqno { get; init; }

    public string Topic { get; init; } = string.Empty;

    public byte[]? Signature { get; init; }

    public byte[]? Key { get; init; }

    /// <summary>True when any field that StrictNoSign forbids is present.</summary>
    public bool HasAuthorFields => From is not null || Seqno is not null || Signature is not null || Key is not null;
}
