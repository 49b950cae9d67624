using System.Text;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiformats;
using NativeDvt.Libp2p.Core.Protobuf;

namespace NativeDvt.Libp2p.Noise;

/// <summary>
/// The libp2p /noise security handshake: Noise_XX_25519_ChaChaPoly_SHA256, empty prologue, each
/// side proving its identity key by signing "noise-libp2p-static-key:" || its Noise static key.
/// </summary>
/// <remarks>Spec: https://github.com/libp2p/specs/blob/master/noise/README.md</remarks>
internal static class NoiseSecurity
{
    public const string ProtocolId = "/noise";

    private static readonly byte[] SignaturePrefix = Encoding.ASCII.GetBytes("noise-libp2p-static-key:");

    /// <summary>
    /// Runs the handshake on <paramref name="stream"/> and returns the secured channel;
    /// <paramref name="expectedRemote"/>, when dialling a /p2p/ address, is the peer id the remote must prove.
    /// </summary>
    public static async Task<SecuredChannel> SecureAsync(
        Stream stream,
        PrivateKey identity,
        bool initiator,
        PeerId? expectedRemote,
        IReadOnlyList<string> streamMuxers,
        CancellationToken cancellationToken)
    {
        var staticKey = X25519KeyPair.Generate();
        var payload = new NoiseHandshakePayload(
            identity.PublicKey.ToProtobuf(),
            identity.Sign([.. SignaturePrefix, .. staticKey.PublicKey]),
            streamMuxers).Encode();
        using var handshake = new NoiseHandshakeState(NoisePattern.XX, initiator, [], staticKey);
        var frame = new byte[NoiseStream.MaxFrameLength];
        NoiseHandshakePayload? remote = null;
        PublicKey? remoteKey = null;
        while (!handshake.IsComplete)
        {
            if (handshake.IsMyTurn)
            {
                // XX: the first message carries no payload; ours goes once our static key is sent.
                var message = handshake.WriteMessage(initiator && handshake.RemoteStaticPublicKey is null ? [] : payload);
                await NoiseFraming.WriteFrameAsync(stream, message, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var length = await NoiseFraming.ReadFrameAsync(stream, frame, cancellationToken).ConfigureAwait(false);
                if (length < 0)
                {
                    throw new NoiseException("connection closed during the handshake");
                }

                var received = handshake.ReadMessage(frame.AsSpan(0, length));
                if (handshake.RemoteStaticPublicKey is not null && remote is null)
                {
                    // Checked at once, so an initiator never reveals its identity to the wrong peer.
                    remote = DecodePayload(received);
                    remoteKey = Authenticate(remote, handshake.RemoteStaticPublicKey, expectedRemote);
                }
            }
        }

        if (remote is null || remoteKey is null)
        {
            throw new NoiseException("handshake finished without the remote identity payload");
        }

        var (send, receive) = handshake.Split();
        return new SecuredChannel(new NoiseStream(stream, send, receive), remoteKey, remoteKey.ToPeerId(), remote.StreamMuxers);
    }

    private static NoiseHandshakePayload DecodePayload(byte[] received)
    {
        try
        {
            return NoiseHandshakePayload.Decode(received);
        }
        catch (ProtobufException e)
        {
            throw new NoiseException("malformed handshake payload: " + e.Message, e);
        }
    }

    private static PublicKey Authenticate(NoiseHandshakePayload remote, byte[] remoteStatic, PeerId? expectedRemote)
    {
        PublicKey key;
        try
        {
            key = PublicKey.FromProtobuf(remote.IdentityKey);
        }
        catch (MultiformatException e)
        {
            throw new NoiseException("malformed remote identity key: " + e.Message, e);
        }

        if (!key.Verify([.. SignaturePrefix, .. remoteStatic], remote.IdentitySignature))
        {
            throw new NoiseException("remote identity signature over the static key is invalid");
        }

        if (expectedRemote is not null && !expectedRemote.Matches(key))
        {
            throw new NoiseException($"remote peer is {key.ToPeerId()}, expected {expectedRemote}");
        }

        return key;
    }
}
