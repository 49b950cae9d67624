using NativeDvt.Libp2p.Core.Multiformats;

namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>
/// Pubsub streams carry RPCs as unsigned-varint length-prefixed protobuf frames. Frames above the
/// maximum RPC size are refused before their body is read.
/// </summary>
public static class RpcFraming
{
    /// <summary>Encodes an RPC with its length prefix; throws when it exceeds <paramref name="maxRpcSize"/>.</summary>
    public static byte[] Frame(Rpc rpc, int maxRpcSize)
    {
        var body = RpcCodec.Encode(rpc);
        if (body.Length > maxRpcSize)
        {
            throw new GossipsubException($"RPC of {body.Length} bytes exceeds the maximum of {maxRpcSize}");
        }

        var frame = new byte[Varint.Size((ulong)body.Length) + body.Length];
        var prefix = Varint.Write(frame, (ulong)body.Length);
        body.CopyTo(frame.AsSpan(prefix));
        return frame;
    }

    /// <summary>Reads one frame; null at a clean end of stream (before any byte of a frame).</summary>
    public static async ValueTask<Rpc?> ReadAsync(Stream stream, int maxRpcSize, CancellationToken cancellationToken)
    {
        var length = await ReadLengthAsync(stream, cancellationToken).ConfigureAwait(false);
        if (length is null)
        {
            return null;
        }

        if (length > (ulong)maxRpcSize)
        {
            throw new RpcDecodeException($"pubsub RPC frame: length {length} exceeds the maximum of {maxRpcSize}");
        }

        var body = new byte[(int)length];
        try
        {
            await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException e)
        {
            throw new RpcDecodeException($"pubsub RPC frame: stream ended inside a {length}-byte frame", e);
        }

        return RpcCodec.Decode(body);
    }

    private static async ValueTask<ulong?> ReadLengthAsync(Stream stream, CancellationToken cancellationToken)
    {
        var prefix = new byte[Varint.MaxLength];
        var one = new byte[1];
        for (var i = 0; i < Varint.MaxLength; i++)
        {
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                return i == 0 ? null : throw new RpcDecodeException("pubsub RPC frame: stream ended inside the length prefix");
            }

            prefix[i] = one[0];
            if (one[0] < 0x80)
            {
                try
                {
                    return Varint.Read(prefix.AsSpan(0, i + 1), out _, "pubsub RPC frame length");
                }
                catch (MultiformatException e)
                {
                    throw new RpcDecodeException(e.Message, e);
                }
            }
        }

        throw new RpcDecodeException("pubsub RPC frame: length prefix longer than 9 bytes");
    }
}
