using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NativeDvt.Libp2p.Core.Multiformats;

namespace NativeDvt.Libp2p.Core.Multiaddress;

/// <summary>Text and binary forms of multiaddr values, per value kind.</summary>
internal static class MultiaddrValueCodec
{
    /// <summary>Bounds a variable-length value (dns names, paths, peer ids).</summary>
    public const int MaxValueLength = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>The fixed binary size of a kind, or -1 when the value is length-prefixed.</summary>
    public static int FixedSize(MultiaddrValueKind kind) => kind switch
    {
        MultiaddrValueKind.None => 0,
        MultiaddrValueKind.Ip4 => 4,
        MultiaddrValueKind.Ip6 => 16,
        MultiaddrValueKind.Port => 2,
        MultiaddrValueKind.Onion => 12,
        MultiaddrValueKind.Onion3 => 37,
        MultiaddrValueKind.Byte => 1,
        _ => -1,
    };

    public static byte[] FromText(MultiaddrProtocol protocol, string text)
    {
        var name = protocol.Name;
        switch (protocol.Kind)
        {
            case MultiaddrValueKind.Ip4:
                return ParseIp4(text) ?? throw Error(name, $"'{text}' is not a dotted-quad IPv4 address");
            case MultiaddrValueKind.Ip6:
                if (text.Contains('%', StringComparison.Ordinal) || !IPAddress.TryParse(text, out var ip6) || ip6.AddressFamily != AddressFamily.InterNetworkV6)
                {
                    throw Error(name, $"'{text}' is not an IPv6 address");
                }

                return ip6.GetAddressBytes();
            case MultiaddrValueKind.Port:
                var port = ParsePort(text) ?? throw Error(name, $"'{text}' is not a port 0..65535");
                var bytes = new byte[2];
                BinaryPrimitives.WriteUInt16BigEndian(bytes, port);
                return bytes;
            case MultiaddrValueKind.Byte:
                return byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? [b] : throw Error(name, $"'{text}' is not 0..255");
            case MultiaddrValueKind.Text:
            case MultiaddrValueKind.Path:
                if (text.Length == 0)
                {
                    throw Error(name, "empty value");
                }

                return Encoding.UTF8.GetBytes(text);
            case MultiaddrValueKind.PeerId:
                byte[] multihash;
                try
                {
                    multihash = Base58.Decode(text);
                    Multihash.Decode(multihash, out _);
                }
                catch (MultiformatException e)
                {
                    throw Error(name, $"'{text}' is not a base58btc multihash: {e.Message}");
                }

                return multihash;
            case MultiaddrValueKind.Onion:
                return ParseOnion(name, text, 16, 10);
            case MultiaddrValueKind.Onion3:
                return ParseOnion(name, text, 56, 35);
            default:
                throw Error(name, "takes no value");
        }
    }

    public static string ToText(MultiaddrProtocol protocol, ReadOnlySpan<byte> value) => protocol.Kind switch
    {
        MultiaddrValueKind.None => string.Empty,
        MultiaddrValueKind.Ip4 or MultiaddrValueKind.Ip6 => new IPAddress(value).ToString(),
        MultiaddrValueKind.Port => BinaryPrimitives.ReadUInt16BigEndian(value).ToString(CultureInfo.InvariantCulture),
        MultiaddrValueKind.Byte => value[0].ToString(CultureInfo.InvariantCulture),
        MultiaddrValueKind.Text => Encoding.UTF8.GetString(value),
        MultiaddrValueKind.Path => (value.Length > 0 && value[0] == '/' ? string.Empty : "/") + Encoding.UTF8.GetString(value),
        MultiaddrValueKind.PeerId => Base58.Encode(value),
        _ => Base32.Encode(value[..^2]) + ":" + BinaryPrimitives.ReadUInt16BigEndian(value[^2..]).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Checks a binary value read off the wire, throwing on anything the text form could not express.</summary>
    public static void Validate(MultiaddrProtocol protocol, ReadOnlySpan<byte> value)
    {
        var name = protocol.Name;
        switch (protocol.Kind)
        {
            case MultiaddrValueKind.Text:
                var text = DecodeUtf8(name, value);
                if (text.Length == 0 || text.Contains('/', StringComparison.Ordinal))
                {
                    throw Error(name, "value must be non-empty and contain no '/'");
                }

                break;
            case MultiaddrValueKind.Path:
                if (value.Length == 0)
                {
                    throw Error(name, "empty path");
                }

                DecodeUtf8(name, value);
                break;
            case MultiaddrValueKind.PeerId:
                try
                {
                    Multihash.Decode(value, out _);
                }
                catch (MultiformatException e)
                {
                    throw Error(name, e.Message);
                }

                break;
            case MultiaddrValueKind.Onion or MultiaddrValueKind.Onion3:
                if (BinaryPrimitives.ReadUInt16BigEndian(value[^2..]) == 0)
                {
                    throw Error(name, "port 0");
                }

                break;
        }
    }

    private static string DecodeUtf8(string name, ReadOnlySpan<byte> value)
    {
        try
        {
            return StrictUtf8.GetString(value);
        }
        catch (DecoderFallbackException e)
        {
            throw new MultiformatException($"multiaddr /{name}: invalid UTF-8", e);
        }
    }

    private static byte[]? ParseIp4(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return null;
        }

        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            if (parts[i].Length is 0 or > 3 || !byte.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return null;
            }
        }

        return bytes;
    }

    private static ushort? ParsePort(string text) =>
        text.Length is > 0 and <= 5 && ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;

    private static byte[] ParseOnion(string name, string text, int base32Length, int hashLength)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon != base32Length)
        {
            throw Error(name, $"expected {base32Length} base32 characters, ':' and a port");
        }

        var hash = Base32.TryDecode(text[..colon]) ?? throw Error(name, "address is not base32");
        var port = ParsePort(text[(colon + 1)..]);
        if (hash.Length != hashLength || port is null or 0)
        {
            throw Error(name, "port must be 1..65535");
        }

        var bytes = new byte[hashLength + 2];
        hash.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(hashLength), port.Value);
        return bytes;
    }

    private static MultiformatException Error(string name, string what) => new($"multiaddr /{name}: {what}");
}
