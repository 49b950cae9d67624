using System.Net;
using System.Net.Sockets;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiformats;

namespace NativeDvt.Libp2p.Core.Multiaddress;

/// <summary>
/// An immutable multiaddr. Text form "/ip4/127.0.0.1/tcp/4001/p2p/12D3…", binary form a sequence
/// of (varint code, value) pairs. Malformed input throws <see cref="MultiformatException"/>.
/// </summary>
/// <remarks>Spec: https://github.com/multiformats/multiaddr and libp2p/specs addressing.</remarks>
public sealed class Multiaddr : IEquatable<Multiaddr>
{
    /// <summary>Bounds a binary multiaddr read from a peer.</summary>
    public const int MaxLength = 4096;

    private readonly MultiaddrComponent[] _components;
    private readonly byte[] _bytes;

    private Multiaddr(MultiaddrComponent[] components)
    {
        _components = components;
        _bytes = Encode(components);
    }

    /// <summary>The protocols in order.</summary>
    public IReadOnlyList<MultiaddrComponent> Components => _components;

    /// <summary>Parses the text form.</summary>
    public static Multiaddr Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[0] != '/')
        {
            throw new MultiformatException("multiaddr: text must start with '/'");
        }

        var parts = text.Split('/');
        var components = new List<MultiaddrComponent>();
        var i = 1;
        while (i < parts.Length)
        {
            var name = parts[i];
            if (name.Length == 0)
            {
                if (i == parts.Length - 1 && components.Count > 0)
                {
                    break;
                }

                throw new MultiformatException($"multiaddr: empty protocol name at part {i}");
            }

            var protocol = MultiaddrProtocol.FromName(name) ?? throw new MultiformatException($"multiaddr: unknown protocol '{name}'");
            i++;
            if (protocol.Kind == MultiaddrValueKind.None)
            {
                components.Add(new MultiaddrComponent(protocol, Array.Empty<byte>()));
                continue;
            }

            if (protocol.Kind == MultiaddrValueKind.Path)
            {
                var path = "/" + string.Join('/', parts, i, parts.Length - i);
                if (i >= parts.Length || path == "/")
                {
                    throw new MultiformatException($"multiaddr /{name}: missing path");
                }

                components.Add(new MultiaddrComponent(protocol, MultiaddrValueCodec.FromText(protocol, path)));
                break;
            }

            if (i >= parts.Length)
            {
                throw new MultiformatException($"multiaddr /{name}: missing value");
            }

            components.Add(new MultiaddrComponent(protocol, MultiaddrValueCodec.FromText(protocol, parts[i])));
            i++;
        }

        return components.Count == 0 ? throw new MultiformatException("multiaddr: no protocols") : new Multiaddr([.. components]);
    }

    /// <summary>Parses the text form, or returns false.</summary>
    public static bool TryParse(string? text, out Multiaddr? multiaddr)
    {
        multiaddr = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            multiaddr = Parse(text);
            return true;
        }
        catch (MultiformatException)
        {
            return false;
        }
    }

    /// <summary>Decodes the binary form.</summary>
    public static Multiaddr FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length is 0 or > MaxLength)
        {
            throw new MultiformatException($"multiaddr: binary form of {bytes.Length} bytes (1..{MaxLength} allowed)");
        }

        var components = new List<MultiaddrComponent>();
        var offset = 0;
        while (offset < bytes.Length)
        {
            var code = Varint.Read(bytes[offset..], out var used, "multiaddr protocol code");
            offset += used;
            var protocol = MultiaddrProtocol.FromCode(code) ?? throw new MultiformatException($"multiaddr: unknown protocol code {code}");
            var size = MultiaddrValueCodec.FixedSize(protocol.Kind);
            if (size < 0)
            {
                var length = Varint.Read(bytes[offset..], out used, $"multiaddr /{protocol.Name} length");
                offset += used;
                if (length == 0 || length > MultiaddrValueCodec.MaxValueLength)
                {
                    throw new MultiformatException($"multiaddr /{protocol.Name}: value length {length} out of range");
                }

                size = (int)length;
            }

            if (size > bytes.Length - offset)
            {
                throw new MultiformatException($"multiaddr /{protocol.Name}: value of {size} bytes truncated at {bytes.Length - offset}");
            }

            var value = bytes.Slice(offset, size);
            MultiaddrValueCodec.Validate(protocol, value);
            components.Add(new MultiaddrComponent(protocol, value.ToArray()));
            offset += size;
        }

        return new Multiaddr([.. components]);
    }

    /// <summary>The address of a TCP endpoint: /ip4|ip6/…/tcp/port.</summary>
    public static Multiaddr FromTcp(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var address = endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address;
        var ip = address.AddressFamily == AddressFamily.InterNetwork ? MultiaddrProtocol.Ip4 : MultiaddrProtocol.Ip6;
        var port = new byte[] { (byte)(endpoint.Port >> 8), (byte)endpoint.Port };
        return new Multiaddr([new(ip, address.GetAddressBytes()), new(MultiaddrProtocol.Tcp, port)]);
    }

    /// <summary>The binary form.</summary>
    public byte[] ToBytes() => (byte[])_bytes.Clone();

    /// <summary>The binary form without copying.</summary>
    public ReadOnlySpan<byte> AsSpan() => _bytes;

    /// <summary>This address followed by <paramref name="inner"/>.</summary>
    public Multiaddr Encapsulate(Multiaddr inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new Multiaddr([.. _components, .. inner._components]);
    }

    /// <summary>This address with /p2p/<paramref name="peerId"/> appended (replacing a trailing one).</summary>
    public Multiaddr WithPeerId(PeerId peerId)
    {
        ArgumentNullException.ThrowIfNull(peerId);
        return new Multiaddr([.. WithoutPeerId()._components, new(MultiaddrProtocol.P2p, peerId.ToBytes())]);
    }

    /// <summary>This address without a trailing /p2p/ component.</summary>
    public Multiaddr WithoutPeerId() =>
        _components.Length > 1 && _components[^1].Protocol == MultiaddrProtocol.P2p ? new Multiaddr(_components[..^1]) : this;

    /// <summary>The peer id of the last /p2p/ component, or null.</summary>
    public PeerId? GetPeerId()
    {
        for (var i = _components.Length - 1; i >= 0; i--)
        {
            if (_components[i].Protocol == MultiaddrProtocol.P2p)
            {
                return PeerId.FromBytes(_components[i].Value.Span);
            }
        }

        return null;
    }

    public override string ToString() => string.Concat(_components.Select(c => c.ToString()));

    public bool Equals(Multiaddr? other) => other is not null && other._bytes.AsSpan().SequenceEqual(_bytes);

    public override bool Equals(object? obj) => Equals(obj as Multiaddr);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    private static byte[] Encode(MultiaddrComponent[] components)
    {
        var size = 0;
        foreach (var c in components)
        {
            size += Varint.Size(c.Protocol.Code) + c.Value.Length;
            if (MultiaddrValueCodec.FixedSize(c.Protocol.Kind) < 0)
            {
                size += Varint.Size((ulong)c.Value.Length);
            }
        }

        var bytes = new byte[size];
        var offset = 0;
        foreach (var c in components)
        {
            offset += Varint.Write(bytes.AsSpan(offset), c.Protocol.Code);
            if (MultiaddrValueCodec.FixedSize(c.Protocol.Kind) < 0)
            {
                offset += Varint.Write(bytes.AsSpan(offset), (ulong)c.Value.Length);
            }

            c.Value.Span.CopyTo(bytes.AsSpan(offset));
            offset += c.Value.Length;
        }

        return bytes;
    }
}
