using System.Buffers.Binary;

namespace NativeDvt.Libp2p.Yamux;

/// <summary>
/// The 12-byte big-endian yamux header: version (0), type, flags, stream id, length. For data
/// frames the length is the payload size; for window updates the delta; for pings the opaque
/// value; for go away the error code.
/// </summary>
internal readonly record struct YamuxHeader(YamuxFrameType Type, YamuxFlags Flags, uint StreamId, uint Length)
{
    public const int Size = 12;
    public const byte Version = 0;

    public void Write(Span<byte> destination)
    {
        destination[0] = Version;
        destination[1] = (byte)Type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)Flags);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], StreamId);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Length);
    }

    /// <summary>Parses a header; throws <see cref="YamuxException"/> on an unknown version or type.</summary>
    public static YamuxHeader Read(ReadOnlySpan<byte> source)
    {
        if (source[0] != Version)
        {
            throw new YamuxException($"unsupported yamux version {source[0]}");
        }

        if (source[1] > (byte)YamuxFrameType.GoAway)
        {
            throw new YamuxException($"unknown yamux frame type {source[1]}");
        }

        return new YamuxHeader(
            (YamuxFrameType)source[1],
            (YamuxFlags)BinaryPrimitives.ReadUInt16BigEndian(source[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[8..]));
    }
}
