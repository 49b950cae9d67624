namespace NativeDvt.Ssz.Codecs;

/// <summary>Vector[E, N]: exactly N elements; basic elements are packed for hashing, composite ones merkleized by root.</summary>
internal sealed class VectorCodec<T> : ISszCodec<IReadOnlyList<T>>
{
    private readonly ISszCodec<T> _element;
    private readonly int _length;

    public VectorCodec(ISszCodec<T> element, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        _element = element;
        _length = length;
        FixedSize = element.IsFixedSize ? checked(element.FixedSize * length) : 0;
    }

    public string TypeName => $"Vector[{_element.TypeName}, {_length}]";

    public bool IsFixedSize => _element.IsFixedSize;

    public int FixedSize { get; }

    public int GetSize(IReadOnlyList<T> value) => IsFixedSize ? FixedSize : Sequence.GetSize(_element, value);

    public void Write(IReadOnlyList<T> value, Span<byte> destination)
    {
        CheckLength(value);
        Sequence.Write(_element, value, destination);
    }

    public IReadOnlyList<T> Read(ReadOnlySpan<byte> data)
    {
        if (IsFixedSize)
        {
            SszRead.ExpectLength(data, FixedSize, TypeName);
        }

        return Sequence.Read(_element, data, _length, _length, TypeName);
    }

    public Bytes32 HashTreeRoot(IReadOnlyList<T> value)
    {
        CheckLength(value);
        return Sequence.Merkleize(_element, value, (ulong)_length);
    }

    private void CheckLength(IReadOnlyList<T> value)
    {
        if (value.Count != _length)
        {
            throw new SszException($"{TypeName} value has {value.Count} elements");
        }
    }
}
