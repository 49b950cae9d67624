using System.Numerics;

namespace NativeDvt.Ssz.Codecs;

/// <summary>Bitlist[limit] as at most limit booleans; serialized with a delimiter bit after the last one.</summary>
internal sealed class BitlistCodec : ISszCodec<bool[]>
{
    private readonly int _limit;

    public BitlistCodec(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        _limit = limit;
    }

    public string TypeName => $"Bitlist[{_limit}]";

    public bool IsFixedSize => false;

    public int FixedSize => 0;

    public int GetSize(bool[] value) => (value.Length / 8) + 1;

    public void Write(bool[] value, Span<byte> destination)
    {
        CheckLimit(value.Length);
        var size = GetSize(value);
        destination[..size].Clear();
        Bits.Pack(value, destination);
        destination[value.Length >> 3] |= (byte)(1 << (value.Length & 7));
    }

    public bool[] Read(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0)
        {
            throw new SszException($"{TypeName} is empty: it lacks the delimiter bit");
        }

        var last = data[^1];
        if (last == 0)
        {
            throw new SszException($"{TypeName} lacks the delimiter bit in its last byte");
        }

        var count = (8L * (data.Length - 1)) + BitOperations.Log2(last);
        CheckLimit(count);
        return Bits.Unpack(data, (int)count);
    }

    public Bytes32 HashTreeRoot(bool[] value)
    {
        CheckLimit(value.Length);
        return Merkle.MixInLength(Bits.Merkleize(value, ((ulong)_limit + 255) / 256), (ulong)value.Length);
    }

    private void CheckLimit(long count)
    {
        if (count > _limit)
        {
            throw new SszException($"{count} bits exceed the limit of {TypeName}");
        }
    }
}
