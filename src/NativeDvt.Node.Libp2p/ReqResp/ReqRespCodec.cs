using NativeDvt.Libp2p.Core.Multiformats;

namespace NativeDvt.Node.Libp2p.ReqResp;

/// <summary>
/// The <c>ssz_snappy</c> req/resp encoding (consensus-specs phase0 p2p-interface, "Encoding strategies"): a payload is
/// the unsigned varint of its uncompressed SSZ length followed by the SSZ in the snappy framing format; a response
/// chunk puts a result byte in front. Lengths above the caller's limit are refused before anything is read or allocated.
/// </summary>
public static class ReqRespCodec
{
    /// <summary>The largest ErrorMessage (List[byte, 256]).</summary>
    public const int MaxErrorMessageLength = 256;

    /// <summary>The bytes of one request payload (or the body of a response chunk).</summary>
    public static byte[] EncodePayload(ReadOnlySpan<byte> ssz)
    {
        var framed = SnappyFrames.Encode(ssz);
        var output = new byte[Varint.Size((ulong)ssz.Length) + framed.Length];
        var offset = Varint.Write(output, (ulong)ssz.Length);
        framed.CopyTo(output, offset);
        return output;
    }

    /// <summary>The bytes of one response chunk.</summary>
    public static byte[] EncodeChunk(ResponseCode code, ReadOnlySpan<byte> ssz)
    {
        var payload = EncodePayload(ssz);
        var output = new byte[1 + payload.Length];
        output[0] = (byte)code;
        payload.CopyTo(output, 1);
        return output;
    }

    /// <summary>Writes one response chunk.</summary>
    public static async Task WriteChunkAsync(Stream stream, ResponseCode code, ReadOnlyMemory<byte> ssz, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(EncodeChunk(code, ssz.Span), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes an error chunk whose ErrorMessage is <paramref name="message"/> (UTF-8, cut to 256 bytes).</summary>
    public static Task WriteErrorAsync(Stream stream, ResponseCode code, string message, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(message);
        return WriteChunkAsync(stream, code, bytes.AsMemory(0, Math.Min(bytes.Length, MaxErrorMessageLength)), cancellationToken);
    }

    /// <summary>Reads one payload of at most <paramref name="maxLength"/> SSZ bytes; null at a clean end of stream before it.</summary>
    public static async Task<byte[]?> ReadPayloadAsync(Stream stream, int maxLength, CancellationToken cancellationToken)
    {
        var length = await ReadLengthAsync(stream, cancellationToken).ConfigureAwait(false);
        if (length is null)
        {
            return null;
        }

        if (length > (ulong)maxLength)
        {
            throw new ReqRespException($"ssz_snappy: declared length {length} exceeds the limit of {maxLength}");
        }

        return await SnappyFrames.ReadAsync(stream, (int)length, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads one response chunk (a success payload of at most <paramref name="maxLength"/> bytes, an error of at most
    /// 256); null when the responder closed the stream instead.
    /// </summary>
    public static async Task<ResponseChunk?> ReadChunkAsync(Stream stream, int maxLength, CancellationToken cancellationToken)
    {
        var result = new byte[1];
        if (await stream.ReadAsync(result, cancellationToken).ConfigureAwait(false) == 0)
        {
            return null;
        }

        var code = (ResponseCode)result[0];
        var payload = await ReadPayloadAsync(stream, code == ResponseCode.Success ? maxLength : MaxErrorMessageLength, cancellationToken).ConfigureAwait(false)
            ?? throw new ReqRespException("ssz_snappy: the stream ended after a result byte");
        return new ResponseChunk(code, payload);
    }

    private static async Task<ulong?> ReadLengthAsync(Stream stream, CancellationToken cancellationToken)
    {
        var one = new byte[1];
        var prefix = new byte[Varint.MaxLength];
        var used = 0;
        while (true)
        {
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                return used == 0 ? null : throw new ReqRespException("ssz_snappy: the stream ended inside a length prefix");
            }

            prefix[used++] = one[0];
            switch (Varint.TryRead(prefix.AsSpan(0, used), out var length, out _))
            {
                case VarintStatus.Done:
                    return length;
                case VarintStatus.NeedMoreData when used < Varint.MaxLength:
                    continue;
                default:
                    throw new ReqRespException("ssz_snappy: malformed length prefix");
            }
        }
    }
}
