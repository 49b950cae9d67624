namespace NativeDvt.Ssz.Codecs;

/// <summary>Bitvector[N] as exactly N booleans; the unused high bits of the last byte must be zero.</summary>
internal sealed class BitvectorCodec : ISszCodec<bool[]>
{
    private readonly int _length;

    public BitvectorCodec(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        _length = length;
    }

    public string TypeName => $"Bitvector[{_length}]";

    public bool IsFixedSize => true;

    public int FixedSize => (_length + 7) / 8;

    public int GetSize(bool[] value) => FixedSize;

    public void Write(bool[] value, Span<byte> destination)
    {
        CheckLength(value);
        Bits.Pack(value, destination);
    }

    public bool[] Read(ReadOnlySpan<byte> data)
    {
        SszRead.ExpectLength(data, FixedSize, TypeName);
        var usedInLastByte = _length - (8 * (FixedSize - 1));
        if (data[^1] >> usedInLastByte != 0)
        {
            throw new SszException($"{TypeName} has non-zero padding bits");
        }

        return Bits.Unpack(data, _length);
    }

    public Bytes32 HashTreeRoot(bool[] value)
    {
        CheckLength(value);
        return Bits.Merkleize(value, ((ulong)_length + 255) / 256);
    }

    private void CheckLength(bool[] value)
    {
        if (value.Length != _length)
        {
            throw new SszException($"{TypeName} value has {value.Length} bits");
        }
    }
}
