using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Ssz;

/// <summary>An SSZ codec for a consensus newtype, defined by an underlying codec and the two conversions.</summary>
internal sealed class MappedCodec<TInner, T>(ISszCodec<TInner> inner, Func<TInner, T> fromInner, Func<T, TInner> toInner, string? typeName = null) : ISszCodec<T>
{
    public string TypeName { get; } = typeName ?? inner.TypeName;

    public bool IsFixedSize => inner.IsFixedSize;

    public int FixedSize => inner.FixedSize;

    public int GetSize(T value) => inner.GetSize(toInner(value));

    public void Write(T value, Span<byte> destination) => inner.Write(toInner(value), destination);

    public T Read(ReadOnlySpan<byte> data) => fromInner(inner.Read(data));

    public Bytes32 HashTreeRoot(T value) => inner.HashTreeRoot(toInner(value));
}
