namespace NativeDvt.Libp2p.Core.Multiaddress;

/// <summary>How a multiaddr protocol's value is written in text and in binary.</summary>
public enum MultiaddrValueKind
{
    /// <summary>No value (tcp's "/ws", "/quic-v1").</summary>
    None,

    /// <summary>Dotted quad; 4 bytes.</summary>
    Ip4,

    /// <summary>RFC 4291 text; 16 bytes.</summary>
    Ip6,

    /// <summary>Decimal 0..65535; 2 bytes big-endian.</summary>
    Port,

    /// <summary>A non-empty UTF-8 string without '/'; varint length prefix.</summary>
    Text,

    /// <summary>The rest of the address as a path (unix); varint length prefix.</summary>
    Path,

    /// <summary>A base58btc multihash (p2p); varint length prefix.</summary>
    PeerId,

    /// <summary>Onion v2 "base32:port"; 12 bytes.</summary>
    Onion,

    /// <summary>Onion v3 "base32:port"; 37 bytes.</summary>
    Onion3,

    /// <summary>A decimal byte (ipcidr); 1 byte.</summary>
    Byte,
}
