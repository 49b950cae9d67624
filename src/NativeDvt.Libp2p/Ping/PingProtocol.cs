using System.Diagnostics;
using System.Security.Cryptography;
using NativeDvt.Libp2p.Hosting;

namespace NativeDvt.Libp2p.Ping;

/// <summary>/ipfs/ping/1.0.0: the dialer sends 32 random bytes, the listener echoes them, repeatedly on one stream.</summary>
/// <remarks>Spec: https://github.com/libp2p/specs/blob/master/ping/ping.md</remarks>
internal static class PingProtocol
{
    public const string ProtocolId = "/ipfs/ping/1.0.0";
    public const int PayloadLength = 32;

    public static async Task RespondAsync(IncomingStreamContext context)
    {
        var buffer = new byte[PayloadLength];
        while (await context.Stream.ReadAtLeastAsync(buffer, PayloadLength, throwOnEndOfStream: false, context.CancellationToken).ConfigureAwait(false) == PayloadLength)
        {
            await context.Stream.WriteAsync(buffer, context.CancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<TimeSpan> PingAsync(Libp2pConnection connection, CancellationToken cancellationToken)
    {
        await using var stream = await connection.OpenStreamAsync([ProtocolId], cancellationToken).ConfigureAwait(false);
        var payload = RandomNumberGenerator.GetBytes(PayloadLength);
        var echo = new byte[PayloadLength];
        var started = Stopwatch.GetTimestamp();
        await stream.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
        if (await stream.ReadAtLeastAsync(echo, PayloadLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < PayloadLength)
        {
            throw new EndOfStreamException("ping stream closed before the echo");
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        return echo.AsSpan().SequenceEqual(payload) ? elapsed : throw new InvalidDataException("ping echo differs from the payload");
    }
}
