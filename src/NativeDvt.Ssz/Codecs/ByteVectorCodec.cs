namespace NativeDvt.Ssz.Codecs;

/// <summary>ByteVector[N] (Vector[uint8, N]) as a byte array of exactly N bytes.</summary>
internal sealed class ByteVectorCodec : ISszCodec<byte[]>
{
    private readonly int _length;

    public ByteVectorCodec(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        _length = length;
    }

    public string TypeName => $"ByteVector[{_length}]";

    public bool IsFixedSize => true;

    public int FixedSize => _length;

    public int GetSize(byte[] value) => _length;

    public void Write(byte[] value, Span<byte> destination)
    {
        if (value.Length != _length)
        {
            throw new SszException($"{TypeName} value has {value.Length} bytes");
        }

        value.CopyTo(destination);
    }

    public byte[] Read(ReadOnlySpan<byte> data)
    {
        SszRead.ExpectLength(data, _length, TypeName);
        return data.ToArray();
    }

    public Bytes32 HashTreeRoot(byte[] value)
    {
        if (value.Length != _length)
        {
            throw new SszException($"{TypeName} value has {value.Length} bytes");
        }

        return Merkle.Merkleize(value, Merkle.ChunkCount((ulong)_length, 1));
    }
}
