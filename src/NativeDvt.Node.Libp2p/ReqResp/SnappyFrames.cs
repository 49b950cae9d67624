using System.Buffers.Binary;
using System.Numerics;
using NativeDvt.Libp2p.Ethereum;
using Snappier;

namespace NativeDvt.Node.Libp2p.ReqResp;

/// <summary>
/// The snappy framing format (google/snappy framing_format.txt) that req/resp payloads use: a stream identifier,
/// then chunks of at most 64 KiB of data, each compressed (or stored) with a masked CRC-32C of its data.
/// Reading consumes exactly the frames of one payload, so several payloads can follow on one stream.
/// </summary>
public static class SnappyFrames
{
    /// <summary>The most uncompressed data one chunk may carry.</summary>
    public const int MaxChunkData = 65_536;

    private const byte CompressedChunk = 0x00;
    private const byte UncompressedChunk = 0x01;
    private const byte StreamIdentifier = 0xff;
    private const byte FirstSkippable = 0x80;

    private static ReadOnlySpan<byte> IdentifierBody => "sNaPpY"u8;

    /// <summary>Frames <paramref name="data"/>: the stream identifier and its chunks.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length + 32);
        WriteFrame(output, StreamIdentifier, IdentifierBody);
        for (var offset = 0; offset < data.Length; offset += MaxChunkData)
        {
            var chunk = data.Slice(offset, Math.Min(MaxChunkData, data.Length - offset));
            var compressed = Snappy.CompressToArray(chunk);
            var stored = compressed.Length < chunk.Length;
            var body = new byte[4 + (stored ? compressed.Length : chunk.Length)];
            BinaryPrimitives.WriteUInt32LittleEndian(body, MaskedCrc32C(chunk));
            (stored ? compressed : chunk).CopyTo(body.AsSpan(4));
            WriteFrame(output, stored ? CompressedChunk : UncompressedChunk, body);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Reads the frames of one payload of exactly <paramref name="length"/> uncompressed bytes. Throws
    /// <see cref="ReqRespException"/> on a missing stream identifier, a reserved chunk type, a bad checksum,
    /// data beyond <paramref name="length"/>, more framing than a payload of that length can need, or an early end.
    /// </summary>
    public static async Task<byte[]> ReadAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        var output = new byte[length];
        var produced = 0;
        var budget = MaxFramedLength(length);
        var identified = false;
        var header = new byte[4];
        while (produced < length)
        {
            await ReadExactlyAsync(stream, header, cancellationToken).ConfigureAwait(false);
            var type = header[0];
            var frameLength = header[1] | (header[2] << 8) | (header[3] << 16);
            budget -= 4 + frameLength;
            if (budget < 0)
            {
                throw new ReqRespException($"snappy frames: more than {MaxFramedLength(length)} bytes of framing for a {length}-byte payload");
            }

            if (!identified && type != StreamIdentifier)
            {
                throw new ReqRespException($"snappy frames: the first frame is of type 0x{type:x2}, not the stream identifier");
            }

            var body = new byte[frameLength];
            await ReadExactlyAsync(stream, body, cancellationToken).ConfigureAwait(false);
            switch (type)
            {
                case StreamIdentifier:
                    if (!body.AsSpan().SequenceEqual(IdentifierBody))
                    {
                        throw new ReqRespException("snappy frames: malformed stream identifier");
                    }

                    identified = true;
                    break;
                case CompressedChunk:
                case UncompressedChunk:
                    produced += ReadChunk(type, body, output.AsSpan(produced));
                    break;
                case < FirstSkippable:
                    throw new ReqRespException($"snappy frames: reserved unskippable chunk type 0x{type:x2}");
                default:
                    // Padding (0xfe) and reserved skippable chunks carry nothing.
                    break;
            }
        }

        return output;
    }

    /// <summary>The CRC-32C (Castagnoli) of <paramref name="data"/>, masked as the framing format stores it.</summary>
    public static uint MaskedCrc32C(ReadOnlySpan<byte> data)
    {
        var crc = Crc32C(data);
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8;
    }

    /// <summary>The plain CRC-32C of <paramref name="data"/>.</summary>
    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }

    private static int ReadChunk(byte type, byte[] body, Span<byte> room)
    {
        if (body.Length < 4)
        {
            throw new ReqRespException("snappy frames: a data chunk shorter than its checksum");
        }

        var expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(body);
        var payload = body.AsSpan(4);
        int size;
        if (type == UncompressedChunk)
        {
            size = payload.Length;
            CheckSize(size, room.Length);
            payload.CopyTo(room);
        }
        else
        {
            try
            {
                size = Snappy.GetUncompressedLength(payload);
                CheckSize(size, room.Length);
                if (Snappy.Decompress(payload, room) != size)
                {
                    throw new ReqRespException("snappy frames: a chunk decompressed to fewer bytes than it declares");
                }
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException)
            {
                throw new ReqRespException("snappy frames: a corrupt compressed chunk", e);
            }
        }

        if (MaskedCrc32C(room[..size]) != expectedCrc)
        {
            throw new ReqRespException("snappy frames: chunk checksum mismatch");
        }

        return size;
    }

    private static void CheckSize(int size, int room)
    {
        if (size < 0 || size > MaxChunkData)
        {
            throw new ReqRespException($"snappy frames: a chunk of {size} bytes (at most {MaxChunkData})");
        }

        if (size > room)
        {
            throw new ReqRespException("snappy frames: more data than the declared payload length");
        }
    }

    /// <summary>The most framed bytes a payload of <paramref name="length"/> bytes can take: worst-case compression of every chunk plus headers.</summary>
    private static long MaxFramedLength(int length) =>
        4 + IdentifierBody.Length + EthereumGossipLimits.MaxCompressedLength(length) + (40L * ((length / MaxChunkData) + 1));

    private static void WriteFrame(MemoryStream output, byte type, ReadOnlySpan<byte> body)
    {
        output.WriteByte(type);
        output.WriteByte((byte)body.Length);
        output.WriteByte((byte)(body.Length >> 8));
        output.WriteByte((byte)(body.Length >> 16));
        output.Write(body);
    }

    private static async Task ReadExactlyAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        if (await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < buffer.Length)
        {
            throw new ReqRespException("snappy frames: the stream ended inside a frame");
        }
    }
}
