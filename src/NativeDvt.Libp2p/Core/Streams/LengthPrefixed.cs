using NativeDvt.Libp2p.Core.Multiformats;

namespace NativeDvt.Libp2p.Core.Streams;

/// <summary>Unsigned-varint length-prefixed messages on a stream, as identify and gossipsub frame them.</summary>
public static class LengthPrefixed
{
    /// <summary>Writes the varint length and <paramref name="message"/> in one write.</summary>
    public static async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var frame = new byte[Varint.Size((ulong)message.Length) + message.Length];
        var offset = Varint.Write(frame, (ulong)message.Length);
        message.CopyTo(frame.AsMemory(offset));
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads one message of at most <paramref name="maxLength"/> bytes; null on a clean end of
    /// stream before it; throws <see cref="MultiformatException"/> on an oversized or malformed length
    /// and <see cref="EndOfStreamException"/> when the stream ends inside the message.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, int maxLength, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var one = new byte[1];
        var prefix = new byte[Varint.MaxLength];
        var used = 0;
        while (true)
        {
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                return used == 0 ? null : throw new EndOfStreamException("stream ended inside a length prefix");
            }

            prefix[used++] = one[0];
            var status = Varint.TryRead(prefix.AsSpan(0, used), out var length, out _);
            if (status == VarintStatus.Done)
            {
                if (length > (ulong)maxLength)
                {
                    throw new MultiformatException($"message length {length} exceeds {maxLength}");
                }

                var message = new byte[(int)length];
                if (await stream.ReadAtLeastAsync(message, message.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < message.Length)
                {
                    throw new EndOfStreamException("stream ended inside a message");
                }

                return message;
            }

            if (status != VarintStatus.NeedMoreData)
            {
                Varint.Read(prefix.AsSpan(0, used), out _, "message length");
            }
        }
    }
}
