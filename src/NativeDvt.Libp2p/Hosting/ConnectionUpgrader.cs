using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.MultistreamSelect;
using NativeDvt.Libp2p.Noise;
using NativeDvt.Libp2p.Yamux;

namespace NativeDvt.Libp2p.Hosting;

/// <summary>
/// Turns a raw transport stream into a secured, multiplexed session: multistream-select /noise,
/// the Noise XX handshake, multistream-select /yamux/1.0.0 over the secured channel, yamux.
/// </summary>
/// <remarks>Spec: https://github.com/libp2p/specs/blob/master/connections/README.md</remarks>
internal static class ConnectionUpgrader
{
    private static readonly string[] Muxers = [YamuxSession.ProtocolId];

    public static async Task<(SecuredChannel Channel, YamuxSession Session)> UpgradeAsync(
        Stream transport,
        PrivateKey identity,
        bool isDialer,
        PeerId? expectedRemote,
        YamuxOptions yamuxOptions,
        CancellationToken cancellationToken)
    {
        if (isDialer)
        {
            await Multistream.SelectAsync(transport, [NoiseSecurity.ProtocolId], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await Multistream.ListenAsync(transport, p => p == NoiseSecurity.ProtocolId, cancellationToken).ConfigureAwait(false);
        }

        var channel = await NoiseSecurity.SecureAsync(transport, identity, isDialer, expectedRemote, Muxers, cancellationToken).ConfigureAwait(false);
        try
        {
            if (EarlyMuxer(channel.RemoteStreamMuxers, isDialer) is not null)
            {
                // Both sides listed muxers in the Noise extensions: the choice is made, no multistream round.
            }
            else if (isDialer)
            {
                await Multistream.SelectAsync(channel.Stream, Muxers, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Multistream.ListenAsync(channel.Stream, p => p == YamuxSession.ProtocolId, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await channel.Stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return (channel, new YamuxSession(channel.Stream, isDialer, yamuxOptions));
    }

    /// <summary>
    /// Inlined muxer negotiation (noise extensions): the first muxer of the initiator's list that
    /// the responder also lists; null when the remote sent none or none is shared.
    /// </summary>
    private static string? EarlyMuxer(IReadOnlyList<string> remoteMuxers, bool isDialer)
    {
        var (preferred, other) = isDialer ? ((IReadOnlyList<string>)Muxers, remoteMuxers) : (remoteMuxers, Muxers);
        return preferred.FirstOrDefault(other.Contains);
    }
}
