using System.Buffers.Binary;

namespace NativeDvt.Ssz.Codecs;

/// <summary>Checks shared by the decoders; each failure is an <see cref="SszException"/>.</summary>
internal static class SszRead
{
    public const int OffsetSize = 4;

    public static void ExpectLength(ReadOnlySpan<byte> data, int length, string typeName)
    {
        if (data.Length != length)
        {
            throw new SszException($"{typeName} needs {length} bytes, got {data.Length}");
        }
    }

    public static uint Offset(ReadOnlySpan<byte> data, int position) =>
        BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(position, OffsetSize));

    /// <summary>Checks an offset against its predecessor and the data length, returning it as an index.</summary>
    public static int CheckOffset(uint offset, int previous, int length)
    {
        if (offset > (uint)length)
        {
            throw new SszException($"offset {offset} points past the end ({length} bytes)");
        }

        if ((int)offset < previous)
        {
            throw new SszException($"offset {offset} precedes the previous offset {previous}");
        }

        return (int)offset;
    }

    /// <summary>A basic value's chunk: its serialization zero-padded to 32 bytes.</summary>
    public static Bytes32 Chunk(ReadOnlySpan<byte> serialized)
    {
        Span<byte> chunk = stackalloc byte[Bytes32.Length];
        chunk.Clear();
        serialized.CopyTo(chunk);
        return new Bytes32(chunk);
    }
}
