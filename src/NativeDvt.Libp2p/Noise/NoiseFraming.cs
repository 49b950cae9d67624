using System.Buffers.Binary;

namespace NativeDvt.Libp2p.Noise;

/// <summary>The 2-byte big-endian length prefix that frames every Noise message in libp2p.</summary>
internal static class NoiseFraming
{
    /// <summary>Reads one frame into <paramref name="buffer"/>; returns its length, or -1 on a clean end of stream before a frame.</summary>
    public static async ValueTask<int> ReadFrameAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var header = new byte[2];
        var read = await stream.ReadAtLeastAsync(header, 2, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return -1;
        }

        if (read < 2)
        {
            throw new NoiseException("stream ended inside a frame header");
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(header);
        if (await stream.ReadAtLeastAsync(buffer.AsMemory(0, length), length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < length)
        {
            throw new NoiseException($"stream ended inside a frame of {length} bytes");
        }

        return length;
    }

    public static async ValueTask WriteFrameAsync(Stream stream, byte[] payload, CancellationToken cancellationToken)
    {
        if (payload.Length > NoiseStream.MaxFrameLength)
        {
            throw new NoiseException($"handshake message of {payload.Length} bytes exceeds {NoiseStream.MaxFrameLength}");
        }

        var frame = new byte[2 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)payload.Length);
        payload.CopyTo(frame, 2);
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
