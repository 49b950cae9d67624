using System.Buffers;

namespace NativeDvt.Ssz.Codecs;

/// <summary>The element layout shared by vectors and lists: packed fixed-size elements, or offsets then bodies.</summary>
internal static class Sequence
{
    public static int GetSize<T>(ISszCodec<T> element, IReadOnlyList<T> values)
    {
        if (element.IsFixedSize)
        {
            return checked(values.Count * element.FixedSize);
        }

        var size = checked(values.Count * SszRead.OffsetSize);
        for (var i = 0; i < values.Count; i++)
        {
            size = checked(size + element.GetSize(values[i]));
        }

        return size;
    }

    public static void Write<T>(ISszCodec<T> element, IReadOnlyList<T> values, Span<byte> destination)
    {
        if (element.IsFixedSize)
        {
            var size = element.FixedSize;
            for (var i = 0; i < values.Count; i++)
            {
                element.Write(values[i], destination.Slice(i * size, size));
            }

            return;
        }

        var body = values.Count * SszRead.OffsetSize;
        for (var i = 0; i < values.Count; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(destination[(i * SszRead.OffsetSize)..], (uint)body);
            var size = element.GetSize(values[i]);
            element.Write(values[i], destination.Slice(body, size));
            body += size;
        }
    }

    /// <summary>Decodes the elements; <paramref name="exactCount"/> is set for vectors, <paramref name="limit"/> for lists.</summary>
    public static T[] Read<T>(ISszCodec<T> element, ReadOnlySpan<byte> data, int? exactCount, long limit, string typeName)
    {
        return element.IsFixedSize
            ? ReadFixed(element, data, exactCount, limit, typeName)
            : ReadVariable(element, data, exactCount, limit, typeName);
    }

    public static Bytes32 Merkleize<T>(ISszCodec<T> element, IReadOnlyList<T> values, ulong limitElements)
    {
        if (element is ISszBasicCodec<T>)
        {
            return Pack(element, values, Merkle.ChunkCount(limitElements, element.FixedSize));
        }

        var roots = ArrayPool<Bytes32>.Shared.Rent(values.Count);
        try
        {
            for (var i = 0; i < values.Count; i++)
            {
                roots[i] = element.HashTreeRoot(values[i]);
            }

            return Merkle.Merkleize(roots.AsSpan(0, values.Count), limitElements);
        }
        finally
        {
            ArrayPool<Bytes32>.Shared.Return(roots);
        }
    }

    private static T[] ReadFixed<T>(ISszCodec<T> element, ReadOnlySpan<byte> data, int? exactCount, long limit, string typeName)
    {
        var size = element.FixedSize;
        if (data.Length % size != 0)
        {
            throw new SszException($"{typeName}: {data.Length} bytes is not a whole number of {size}-byte elements");
        }

        var count = data.Length / size;
        CheckCount(count, exactCount, limit, typeName);
        var values = new T[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = ReadElement(element, data.Slice(i * size, size), i);
        }

        return values;
    }

    private static T[] ReadVariable<T>(ISszCodec<T> element, ReadOnlySpan<byte> data, int? exactCount, long limit, string typeName)
    {
        if (data.Length == 0)
        {
            CheckCount(0, exactCount, limit, typeName);
            return [];
        }

        if (data.Length < SszRead.OffsetSize)
        {
            throw new SszException($"{typeName}: {data.Length} bytes cannot hold the first offset");
        }

        var first = SszRead.Offset(data, 0);
        if (first == 0 || first % SszRead.OffsetSize != 0 || first > (uint)data.Length)
        {
            throw new SszException($"{typeName}: bad first offset {first} for {data.Length} bytes");
        }

        var count = (int)(first / SszRead.OffsetSize);
        CheckCount(count, exactCount, limit, typeName);
        var values = new T[count];
        var start = (int)first;
        for (var i = 0; i < count; i++)
        {
            var end = i + 1 < count
                ? SszRead.CheckOffset(SszRead.Offset(data, (i + 1) * SszRead.OffsetSize), start, data.Length)
                : data.Length;
            values[i] = ReadElement(element, data[start..end], i);
            start = end;
        }

        return values;
    }

    private static T ReadElement<T>(ISszCodec<T> element, ReadOnlySpan<byte> data, int index)
    {
        try
        {
            return element.Read(data);
        }
        catch (SszException e)
        {
            throw e.Within($"[{index}]");
        }
    }

    private static void CheckCount(int count, int? exactCount, long limit, string typeName)
    {
        if (exactCount is { } exact && count != exact)
        {
            throw new SszException($"{typeName} holds {count} elements instead of {exact}");
        }

        if (count > limit)
        {
            throw new SszException($"{typeName} holds {count} elements, over its limit");
        }
    }

    private static Bytes32 Pack<T>(ISszCodec<T> element, IReadOnlyList<T> values, ulong limitChunks)
    {
        var size = checked(values.Count * element.FixedSize);
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            Write(element, values, buffer);
            return Merkle.Merkleize(buffer.AsSpan(0, size), limitChunks);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
