namespace NativeDvt.Ssz.Codecs;

/// <summary>List[E, limit]: at most limit elements; the root mixes in the length.</summary>
internal sealed class ListCodec<T> : ISszCodec<IReadOnlyList<T>>
{
    private readonly ISszCodec<T> _element;
    private readonly long _limit;

    public ListCodec(ISszCodec<T> element, long limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        _element = element;
        _limit = limit;
    }

    public string TypeName => $"List[{_element.TypeName}, {_limit}]";

    public bool IsFixedSize => false;

    public int FixedSize => 0;

    public int GetSize(IReadOnlyList<T> value) => Sequence.GetSize(_element, value);

    public void Write(IReadOnlyList<T> value, Span<byte> destination)
    {
        CheckLimit(value);
        Sequence.Write(_element, value, destination);
    }

    public IReadOnlyList<T> Read(ReadOnlySpan<byte> data) => Sequence.Read(_element, data, null, _limit, TypeName);

    public Bytes32 HashTreeRoot(IReadOnlyList<T> value)
    {
        CheckLimit(value);
        return Merkle.MixInLength(Sequence.Merkleize(_element, value, (ulong)_limit), (ulong)value.Count);
    }

    private void CheckLimit(IReadOnlyList<T> value)
    {
        if (value.Count > _limit)
        {
            throw new SszException($"{TypeName} value has {value.Count} elements, over its limit");
        }
    }
}
