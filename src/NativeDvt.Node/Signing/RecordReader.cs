using System.Buffers.Binary;
using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Node.Signing;

/// <summary>Little-endian reading of the signing records' fields; anything short or left over is a <see cref="FormatException"/>.</summary>
internal ref struct RecordReader(ReadOnlySpan<byte> bytes, string what)
{
    private const int RootLength = 32;

    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _offset;

    public void ExpectFormat(byte format)
    {
        var found = Take(1)[0];
        if (found != format)
        {
            throw new FormatException($"{what}: format {found}, expected {format}");
        }
    }

    public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>A count of items of at least <paramref name="minItemSize"/> bytes each, checked against what is left.</summary>
    public int Count(int minItemSize)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(Take(4));
        if (count < 0 || (long)count * minItemSize > _bytes.Length - _offset)
        {
            throw new FormatException($"{what}: count {count} does not fit the {_bytes.Length - _offset} bytes left");
        }

        return count;
    }

    public ulong? Optional() => Flag() ? UInt64() : null;

    public Root? Root() => Flag() ? new Root(Take(RootLength)) : null;

    public readonly void ExpectEnd()
    {
        if (_offset != _bytes.Length)
        {
            throw new FormatException($"{what}: {_bytes.Length - _offset} bytes left over");
        }
    }

    private bool Flag() => Take(1)[0] switch
    {
        0 => false,
        1 => true,
        var other => throw new FormatException($"{what}: flag byte {other} is neither 0 nor 1"),
    };

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_bytes.Length - _offset < count)
        {
            throw new FormatException($"{what}: ends after {_bytes.Length} bytes, {count} more expected at {_offset}");
        }

        var slice = _bytes.Slice(_offset, count);
        _offset += count;
        return slice;
    }
}
