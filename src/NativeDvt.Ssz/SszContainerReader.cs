namespace NativeDvt.Ssz;

/// <summary>
/// Reads a container's fields in declaration order. Construction checks the whole frame (size, first
/// offset equal to the fixed part, offsets in order and in range) so that field reads only slice.
/// </summary>
public ref struct SszContainerReader
{
    private readonly SszContainerLayout _layout;
    private readonly ReadOnlySpan<byte> _data;
    private int _field;

    internal SszContainerReader(SszContainerLayout layout, ReadOnlySpan<byte> data)
    {
        _layout = layout;
        _data = data;
        if (layout.IsFixedSize)
        {
            if (data.Length != layout.FixedPartSize)
            {
                throw new SszException($"{layout.TypeName} needs {layout.FixedPartSize} bytes, got {data.Length}");
            }

            return;
        }

        if (data.Length < layout.FixedPartSize)
        {
            throw new SszException($"{layout.TypeName} needs at least {layout.FixedPartSize} bytes, got {data.Length}");
        }

        var previous = layout.FixedPartSize;
        for (var field = layout.FirstVariable; field >= 0; field = layout.NextVariableOf(field))
        {
            var offset = Codecs.SszRead.Offset(data, layout.PositionOf(field));
            if (field == layout.FirstVariable && offset != (uint)layout.FixedPartSize)
            {
                throw new SszException($"first offset {offset} is not the fixed part size {layout.FixedPartSize}", layout.NameOf(field));
            }

            try
            {
                previous = Codecs.SszRead.CheckOffset(offset, previous, data.Length);
            }
            catch (SszException e)
            {
                throw e.Within(layout.NameOf(field));
            }
        }
    }

    /// <summary>The fields read so far.</summary>
    public readonly int FieldsRead => _field;

    /// <summary>Reads the next field with its codec; a failure names the field.</summary>
    public T Read<T>(ISszCodec<T> codec)
    {
        var field = _field;
        _layout.CheckField(field, codec);
        _field++;
        var position = _layout.PositionOf(field);
        ReadOnlySpan<byte> bytes;
        if (_layout.IsVariable(field))
        {
            var start = (int)Codecs.SszRead.Offset(_data, position);
            var next = _layout.NextVariableOf(field);
            var end = next < 0 ? _data.Length : (int)Codecs.SszRead.Offset(_data, _layout.PositionOf(next));
            bytes = _data[start..end];
        }
        else
        {
            bytes = _data.Slice(position, codec.FixedSize);
        }

        try
        {
            return codec.Read(bytes);
        }
        catch (SszException e)
        {
            throw e.Within(_layout.NameOf(field));
        }
    }
}
