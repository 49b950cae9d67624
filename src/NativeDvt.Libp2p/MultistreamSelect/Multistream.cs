using System.Text;

namespace NativeDvt.Libp2p.MultistreamSelect;

/// <summary>
/// multistream-select 1.0: each message is a varint length, UTF-8 text and '\n'. Both sides
/// send the header, then the dialer proposes protocols one by one and the listener echoes
/// the one it accepts or answers "na". Reads never go past the negotiated messages, so the
/// stream can be handed to the selected protocol afterwards.
/// </summary>
/// <remarks>Spec: https://github.com/multiformats/multistream-select and libp2p/specs connections.</remarks>
internal static class Multistream
{
    public const string Header = "/multistream/1.0.0";
    public const string NotAvailable = "na";

    /// <summary>Longest message accepted (protocol ids are short; this bounds memory per peer).</summary>
    public const int MaxMessageLength = 1024;

    /// <summary>Proposals a listener answers before giving up on the dialer.</summary>
    public const int MaxProposals = 32;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Dialer side: proposes <paramref name="protocols"/> in order and returns the accepted one.</summary>
    public static async Task<string> SelectAsync(Stream stream, IReadOnlyList<string> protocols, CancellationToken cancellationToken)
    {
        if (protocols.Count == 0)
        {
            throw new ArgumentException("no protocols to propose", nameof(protocols));
        }

        // The header and the first proposal go out together to save a round trip.
        await WriteAsync(stream, [Header, protocols[0]], cancellationToken).ConfigureAwait(false);
        var header = await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        if (header != Header)
        {
            throw new MultistreamException($"expected header {Header}, got '{header}'");
        }

        for (var i = 0; i < protocols.Count; i++)
        {
            if (i > 0)
            {
                await WriteAsync(stream, [protocols[i]], cancellationToken).ConfigureAwait(false);
            }

            var answer = await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
            if (answer == protocols[i])
            {
                return answer;
            }

            if (answer != NotAvailable)
            {
                throw new MultistreamException($"proposed {protocols[i]}, got '{answer}'");
            }
        }

        throw new MultistreamException("remote supports none of: " + string.Join(", ", protocols));
    }

    /// <summary>Listener side: answers proposals until one satisfies <paramref name="isSupported"/>, and returns it.</summary>
    public static async Task<string> ListenAsync(Stream stream, Func<string, bool> isSupported, CancellationToken cancellationToken)
    {
        await WriteAsync(stream, [Header], cancellationToken).ConfigureAwait(false);
        var header = await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        if (header != Header)
        {
            throw new MultistreamException($"expected header {Header}, got '{Truncate(header)}'");
        }

        for (var i = 0; i < MaxProposals; i++)
        {
            var proposal = await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
            if (proposal != NotAvailable && proposal != "ls" && isSupported(proposal))
            {
                await WriteAsync(stream, [proposal], cancellationToken).ConfigureAwait(false);
                return proposal;
            }

            await WriteAsync(stream, [NotAvailable], cancellationToken).ConfigureAwait(false);
        }

        throw new MultistreamException($"no acceptable protocol in {MaxProposals} proposals");
    }

    /// <summary>Encodes messages back to back (for tests and pipelining).</summary>
    public static byte[] Encode(IEnumerable<string> messages)
    {
        var output = new List<byte>();
        foreach (var message in messages)
        {
            var bytes = Encoding.UTF8.GetBytes(message + "\n");
            var length = (ulong)bytes.Length;
            while (length >= 0x80)
            {
                output.Add((byte)(length | 0x80));
                length >>= 7;
            }

            output.Add((byte)length);
            output.AddRange(bytes);
        }

        return [.. output];
    }

    private static async Task WriteAsync(Stream stream, string[] messages, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encode(messages), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var one = new byte[1];
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 14)
            {
                throw new MultistreamException("message length varint too long");
            }

            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new MultistreamException("stream ended during negotiation");
            }

            length |= (one[0] & 0x7F) << shift;
            if (length > MaxMessageLength)
            {
                throw new MultistreamException($"message longer than {MaxMessageLength} bytes");
            }

            if (one[0] < 0x80)
            {
                break;
            }
        }

        if (length == 0)
        {
            throw new MultistreamException("empty message");
        }

        var bytes = new byte[length];
        if (await stream.ReadAtLeastAsync(bytes, length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < length)
        {
            throw new MultistreamException("stream ended inside a message");
        }

        if (bytes[^1] != '\n')
        {
            throw new MultistreamException("message does not end with a newline");
        }

        try
        {
            return StrictUtf8.GetString(bytes, 0, length - 1);
        }
        catch (DecoderFallbackException e)
        {
            throw new MultistreamException("message is not UTF-8", e);
        }
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
