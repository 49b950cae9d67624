using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiformats;
using NativeDvt.Libp2p.Core.Protobuf;
using NativeDvt.Libp2p.Core.Streams;
using NativeDvt.Libp2p.Hosting;

namespace NativeDvt.Libp2p.Identify;

/// <summary>
/// /ipfs/id/1.0.0: the side that opens the stream reads one length-prefixed Identify message,
/// which the other side writes before closing.
/// </summary>
/// <remarks>Spec: https://github.com/libp2p/specs/blob/master/identify/README.md</remarks>
internal static class IdentifyProtocol
{
    public const string ProtocolId = "/ipfs/id/1.0.0";

    /// <summary>Bounds the message a peer can make us read.</summary>
    public const int MaxMessageLength = 64 * 1024;

    public static async Task RespondAsync(IncomingStreamContext context, IdentifyMessage local)
    {
        var message = local with { ObservedAddress = context.Connection.RemoteAddress };
        await LengthPrefixed.WriteAsync(context.Stream, message.Encode(), context.CancellationToken).ConfigureAwait(false);
        await context.Stream.CloseWriteAsync(context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks the remote of <paramref name="connection"/> to identify itself and checks its key against its peer id.</summary>
    public static async Task<IdentifyMessage> RequestAsync(Libp2pConnection connection, CancellationToken cancellationToken)
    {
        await using var stream = await connection.OpenStreamAsync([ProtocolId], cancellationToken).ConfigureAwait(false);
        var bytes = await LengthPrefixed.ReadAsync(stream, MaxMessageLength, cancellationToken).ConfigureAwait(false)
            ?? throw new EndOfStreamException("identify stream closed without a message");
        IdentifyMessage message;
        try
        {
            message = IdentifyMessage.Decode(bytes);
        }
        catch (ProtobufException e)
        {
            throw new InvalidDataException("malformed identify message: " + e.Message, e);
        }

        if (message.PublicKey is not null)
        {
            PublicKey key;
            try
            {
                key = PublicKey.FromProtobuf(message.PublicKey);
            }
            catch (MultiformatException e)
            {
                throw new InvalidDataException("identify publicKey is malformed: " + e.Message, e);
            }

            if (!connection.RemotePeer.Matches(key))
            {
                throw new InvalidDataException("identify publicKey does not match the connection's peer id");
            }
        }

        return message;
    }
}
