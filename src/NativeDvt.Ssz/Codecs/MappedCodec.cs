namespace NativeDvt.Ssz.Codecs;

/// <summary>A codec for a wrapper type (a newtype such as Slot over uint64) that encodes exactly as the wrapped type.</summary>
internal class MappedCodec<TInner, TOuter>(ISszCodec<TInner> inner, Func<TInner, TOuter> wrap, Func<TOuter, TInner> unwrap) : ISszCodec<TOuter>
{
    public string TypeName => inner.TypeName;

    public bool IsFixedSize => inner.IsFixedSize;

    public int FixedSize => inner.FixedSize;

    public int GetSize(TOuter value) => inner.GetSize(unwrap(value));

    public void Write(TOuter value, Span<byte> destination) => inner.Write(unwrap(value), destination);

    public TOuter Read(ReadOnlySpan<byte> data) => wrap(inner.Read(data));

    public Bytes32 HashTreeRoot(TOuter value) => inner.HashTreeRoot(unwrap(value));
}
