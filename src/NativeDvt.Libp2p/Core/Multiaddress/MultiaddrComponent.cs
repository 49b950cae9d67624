namespace NativeDvt.Libp2p.Core.Multiaddress;

/// <summary>One protocol of a multiaddr with its binary value (empty for value-less protocols).</summary>
public readonly record struct MultiaddrComponent(MultiaddrProtocol Protocol, ReadOnlyMemory<byte> Value)
{
    /// <summary>The value in text form ("" for value-less protocols).</summary>
    public string ValueText => MultiaddrValueCodec.ToText(Protocol, Value.Span);

    public override string ToString() =>
        Protocol.Kind == MultiaddrValueKind.None ? "/" + Protocol.Name
        : Protocol.Kind == MultiaddrValueKind.Path ? "/" + Protocol.Name + ValueText
        : "/" + Protocol.Name + "/" + ValueText;
}
