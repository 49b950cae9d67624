using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace NativeDvt.Libp2p.Core.Protobuf;

/// <summary>
/// Protobuf writer onto an <see cref="IBufferWriter{T}"/>. Embedded messages are written with
/// <see cref="WriteLengthPrefix"/> followed by their fields, their size computed first with the
/// static size helpers, so no intermediate buffers are needed.
/// </summary>
public readonly struct ProtoWriter
{
    private readonly IBufferWriter<byte> _output;

    public ProtoWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Size of a varint on the wire.</summary>
    public static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    /// <summary>Size of a field tag.</summary>
    public static int TagSize(int fieldNumber) => VarintSize((ulong)fieldNumber << 3);

    /// <summary>Size of a whole varint field (tag + value).</summary>
    public static int VarintFieldSize(int fieldNumber, ulong value) => TagSize(fieldNumber) + VarintSize(value);

    /// <summary>Size of a whole length-delimited field (tag + length + payload).</summary>
    public static int BytesFieldSize(int fieldNumber, int length) => TagSize(fieldNumber) + VarintSize((ulong)length) + length;

    /// <summary>Size of a whole string field.</summary>
    public static int StringFieldSize(int fieldNumber, string value) => BytesFieldSize(fieldNumber, Encoding.UTF8.GetByteCount(value));

    /// <summary>Writes a tag.</summary>
    public void WriteTag(int fieldNumber, WireType wireType)
    {
        if (fieldNumber is < 1 or > 0x1FFFFFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(fieldNumber));
        }

        WriteRawVarint(((ulong)fieldNumber << 3) | (ulong)wireType);
    }

    /// <summary>Writes a varint field.</summary>
    public void WriteVarint(int fieldNumber, ulong value)
    {
        WriteTag(fieldNumber, WireType.Varint);
        WriteRawVarint(value);
    }

    /// <summary>Writes an int64/int32 field (negative numbers take 10 bytes, as protobuf requires).</summary>
    public void WriteInt64(int fieldNumber, long value) => WriteVarint(fieldNumber, unchecked((ulong)value));

    /// <summary>Writes a bool field.</summary>
    public void WriteBool(int fieldNumber, bool value) => WriteVarint(fieldNumber, value ? 1UL : 0UL);

    /// <summary>Writes a bytes field.</summary>
    public void WriteBytes(int fieldNumber, ReadOnlySpan<byte> value)
    {
        WriteLengthPrefix(fieldNumber, value.Length);
        _output.Write(value);
    }

    /// <summary>Writes a string field as UTF-8.</summary>
    public void WriteString(int fieldNumber, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = Encoding.UTF8.GetByteCount(value);
        WriteLengthPrefix(fieldNumber, length);
        var span = _output.GetSpan(length);
        Encoding.UTF8.GetBytes(value, span);
        _output.Advance(length);
    }

    /// <summary>Writes the tag and length of a length-delimited field whose <paramref name="length"/> payload bytes the caller writes next.</summary>
    public void WriteLengthPrefix(int fieldNumber, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        WriteTag(fieldNumber, WireType.LengthDelimited);
        WriteRawVarint((ulong)length);
    }

    /// <summary>Writes a fixed32 field.</summary>
    public void WriteFixed32(int fieldNumber, uint value)
    {
        WriteTag(fieldNumber, WireType.Fixed32);
        BinaryPrimitives.WriteUInt32LittleEndian(_output.GetSpan(4), value);
        _output.Advance(4);
    }

    /// <summary>Writes a fixed64 field.</summary>
    public void WriteFixed64(int fieldNumber, ulong value)
    {
        WriteTag(fieldNumber, WireType.Fixed64);
        BinaryPrimitives.WriteUInt64LittleEndian(_output.GetSpan(8), value);
        _output.Advance(8);
    }

    /// <summary>Writes raw bytes (for example an already-encoded embedded message).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes) => _output.Write(bytes);

    /// <summary>Writes a bare varint without a tag.</summary>
    public void WriteRawVarint(ulong value)
    {
        var span = _output.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _output.Advance(i);
    }
}
