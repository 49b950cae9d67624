namespace NativeDvt.Ssz.Codecs;

/// <summary>ByteList[limit] (List[uint8, limit]) as a byte array of at most limit bytes.</summary>
internal sealed class ByteListCodec : ISszCodec<byte[]>
{
    private readonly int _limit;

    public ByteListCodec(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        _limit = limit;
    }

    public string TypeName => $"ByteList[{_limit}]";

    public bool IsFixedSize => false;

    public int FixedSize => 0;

    public int GetSize(byte[] value) => value.Length;

    public void Write(byte[] value, Span<byte> destination)
    {
        CheckLimit(value.Length);
        value.CopyTo(destination);
    }

    public byte[] Read(ReadOnlySpan<byte> data)
    {
        CheckLimit(data.Length);
        return data.ToArray();
    }

    public Bytes32 HashTreeRoot(byte[] value)
    {
        CheckLimit(value.Length);
        return Merkle.MixInLength(Merkle.Merkleize(value, Merkle.ChunkCount((ulong)_limit, 1)), (ulong)value.Length);
    }

    private void CheckLimit(int length)
    {
        if (length > _limit)
        {
            throw new SszException($"{length} bytes exceed the limit of {TypeName}");
        }
    }
}
