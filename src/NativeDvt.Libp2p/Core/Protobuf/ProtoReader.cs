using System.Buffers.Binary;
using System.Text;

namespace NativeDvt.Libp2p.Core.Protobuf;

/// <summary>
/// Forward-only protobuf reader over a span. It never allocates except for <see cref="ReadString"/>,
/// and every malformed input raises <see cref="ProtobufException"/> naming the field and offset.
/// </summary>
/// <example>
/// <code>
/// var reader = new ProtoReader(bytes);
/// while (reader.TryReadTag(out var field, out var wireType))
/// {
///     switch (field)
///     {
///         case 1: id = reader.ReadBytes(); break;
///         default: reader.Skip(wireType); break;
///     }
/// }
/// </code>
/// </example>
public ref struct ProtoReader
{
    private const int MaxVarintLength = 10;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private int _field;
    private WireType _wireType;

    public ProtoReader(ReadOnlySpan<byte> data)
    {
        _data = data;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>True when all input has been read.</summary>
    public readonly bool IsAtEnd => _position >= _data.Length;

    /// <summary>The field number of the last tag read (0 before the first).</summary>
    public readonly int FieldNumber => _field;

    /// <summary>Reads the next tag; false at the end of the input.</summary>
    public bool TryReadTag(out int fieldNumber, out WireType wireType)
    {
        if (IsAtEnd)
        {
            fieldNumber = 0;
            wireType = default;
            return false;
        }

        var start = _position;
        var tag = ReadRawVarint();
        var number = tag >> 3;
        var type = (WireType)(tag & 7);
        if (number == 0 || number > 0x1FFFFFFF)
        {
            throw new ProtobufException($"invalid field number {number} at offset {start}");
        }

        if (type is WireType.StartGroup or WireType.EndGroup || (int)type > 5)
        {
            throw new ProtobufException($"field {number}: unsupported wire type {(int)type} at offset {start}");
        }

        _field = (int)number;
        _wireType = type;
        fieldNumber = _field;
        wireType = type;
        return true;
    }

    /// <summary>Reads a varint field value (uint64, int64, uint32, enum).</summary>
    public ulong ReadVarint()
    {
        Expect(WireType.Varint);
        return ReadRawVarint();
    }

    /// <summary>Reads a varint field that must fit 32 bits unsigned.</summary>
    public uint ReadUInt32()
    {
        var value = ReadVarint();
        if (value > uint.MaxValue)
        {
            throw Error($"value {value} does not fit uint32");
        }

        return (uint)value;
    }

    /// <summary>Reads a protobuf int32 (negative values are sign-extended to 64 bits on the wire).</summary>
    public int ReadInt32() => unchecked((int)ReadVarint());

    /// <summary>Reads a protobuf int64.</summary>
    public long ReadInt64() => unchecked((long)ReadVarint());

    /// <summary>Reads a bool; any non-zero varint is true.</summary>
    public bool ReadBool() => ReadVarint() != 0;

    /// <summary>Reads a length-delimited field (bytes, string or embedded message) as a slice of the input.</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        Expect(WireType.LengthDelimited);
        return ReadRawBytes();
    }

    /// <summary>Reads a UTF-8 string field, rejecting invalid UTF-8.</summary>
    public string ReadString()
    {
        var bytes = ReadBytes();
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ProtobufException($"field {_field}: invalid UTF-8 in string", e);
        }
    }

    /// <summary>Reads a fixed32 field.</summary>
    public uint ReadFixed32()
    {
        Expect(WireType.Fixed32);
        return BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
    }

    /// <summary>Reads a fixed64 field.</summary>
    public ulong ReadFixed64()
    {
        Expect(WireType.Fixed64);
        return BinaryPrimitives.ReadUInt64LittleEndian(Take(8));
    }

    /// <summary>Skips the value of the field whose tag was just read.</summary>
    public void Skip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint:
                ReadRawVarint();
                break;
            case WireType.Fixed64:
                Take(8);
                break;
            case WireType.LengthDelimited:
                ReadRawBytes();
                break;
            case WireType.Fixed32:
                Take(4);
                break;
            default:
                throw Error($"cannot skip wire type {(int)wireType}");
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private void Expect(WireType expected)
    {
        if (_wireType != expected)
        {
            throw Error($"expected wire type {expected}, found {_wireType}");
        }
    }

    private ReadOnlySpan<byte> ReadRawBytes()
    {
        var start = _position;
        var length = ReadRawVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw new ProtobufException($"field {_field}: length {length} at offset {start} exceeds the {_data.Length - _position} bytes left");
        }

        return Take((int)length);
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position)
        {
            throw Error($"needs {count} bytes, {_data.Length - _position} left");
        }

        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }

    private ulong ReadRawVarint()
    {
        ulong value = 0;
        for (var i = 0; i < MaxVarintLength; i++)
        {
            if (_position >= _data.Length)
            {
                throw Error("input ends inside a varint");
            }

            var b = _data[_position++];
            if (i == MaxVarintLength - 1 && b > 1)
            {
                throw Error("varint overflows 64 bits");
            }

            value |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Error("varint longer than 10 bytes");
    }

    private readonly ProtobufException Error(string what) =>
        new(_field == 0 ? $"at offset {_position}: {what}" : $"field {_field} at offset {_position}: {what}");
}
