using System.Buffers.Binary;

namespace NativeDvt.Ssz;

/// <summary>Writes a container's fields in declaration order: fixed fields in place, variable ones behind an offset.</summary>
public ref struct SszContainerWriter
{
    private readonly SszContainerLayout _layout;
    private readonly Span<byte> _destination;
    private int _field;
    private int _end;

    internal SszContainerWriter(SszContainerLayout layout, Span<byte> destination)
    {
        _layout = layout;
        _destination = destination;
        _end = layout.FixedPartSize;
    }

    /// <summary>The fields written so far.</summary>
    public readonly int FieldsWritten => _field;

    /// <summary>The bytes written so far, fixed part included.</summary>
    public readonly int Written => _end;

    /// <summary>Writes the next field with its codec.</summary>
    public void Write<T>(ISszCodec<T> codec, T value)
    {
        var field = _field;
        _layout.CheckField(field, codec);
        _field++;
        var position = _layout.PositionOf(field);
        if (!_layout.IsVariable(field))
        {
            codec.Write(value, _destination.Slice(position, codec.FixedSize));
            return;
        }

        var size = codec.GetSize(value);
        BinaryPrimitives.WriteUInt32LittleEndian(_destination[position..], (uint)_end);
        codec.Write(value, _destination.Slice(_end, size));
        _end += size;
    }
}
