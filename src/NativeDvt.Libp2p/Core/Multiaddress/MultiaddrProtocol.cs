namespace NativeDvt.Libp2p.Core.Multiaddress;

/// <summary>One row of the multiaddr protocol table: name, multicodec code and value kind.</summary>
/// <remarks>Table: https://github.com/multiformats/multiaddr/blob/master/protocols.csv</remarks>
public sealed class MultiaddrProtocol
{
    public static readonly MultiaddrProtocol Ip4 = new("ip4", 4, MultiaddrValueKind.Ip4);
    public static readonly MultiaddrProtocol Tcp = new("tcp", 6, MultiaddrValueKind.Port);
    public static readonly MultiaddrProtocol Dccp = new("dccp", 33, MultiaddrValueKind.Port);
    public static readonly MultiaddrProtocol Ip6 = new("ip6", 41, MultiaddrValueKind.Ip6);
    public static readonly MultiaddrProtocol Ip6Zone = new("ip6zone", 42, MultiaddrValueKind.Text);
    public static readonly MultiaddrProtocol IpCidr = new("ipcidr", 43, MultiaddrValueKind.Byte);
    public static readonly MultiaddrProtocol Dns = new("dns", 53, MultiaddrValueKind.Text);
    public static readonly MultiaddrProtocol Dns4 = new("dns4", 54, MultiaddrValueKind.Text);
    public static readonly MultiaddrProtocol Dns6 = new("dns6", 55, MultiaddrValueKind.Text);
    public static readonly MultiaddrProtocol DnsAddr = new("dnsaddr", 56, MultiaddrValueKind.Text);
    public static readonly MultiaddrProtocol Sctp = new("sctp", 132, MultiaddrValueKind.Port);
    public static readonly MultiaddrProtocol Udp = new("udp", 273, MultiaddrValueKind.Port);
    public static readonly MultiaddrProtocol P2pWebRtcStar = new("p2p-webrtc-star", 275, MultiaddrValueKind.None);
    public static readonly MultiaddrProtocol P2pWebRtcDirect = new("p2p-webrtc-direct", 276, MultiaddrValueKind.None);
    public static readonly MultiaddrProtocol P2pStardust = new("p2p-stardust", 277, MultiaddrValueKind.None);
    public static readonly MultiaddrProtocol WebRtcDirect = new("webrtc-direct", 280, MultiaddrValueKind.None);
    public static readonly MultiaddrProtocol WebRtc = new("webrtc", 281, MultiaddrValueKind.None);
    public static readonly MultiaddrProtocol P2pCircuit = new("p2p-circuit", 290, MultiaddrValueKind.None);
    public static readonly MultiaddrProtocol Udt = new("udt", 301, MultiaddrValueKind.None);
    public static readonly MultiaddrProtocol Utp = new("utp", 302, MultiaddrValueKind.None);
    public static readonly MultiaddrProtocol Unix = new("unix", 400, MultiaddrValueKind.Path);
    public static readonly MultiaddrProtocol P2p = new("p2p", 421, MultiaddrValueKind.PeerId);
    public static readonly MultiaddrProtocol Https = new("https", 443, MultiaddrValueKind.None);
    public static readonly MultiaddrProtocol Onion = new("onion", 444, MultiaddrValueKind.Onion);
    public static readonly MultiaddrProtocol Onion3 = new("onion3", 445, MultiaddrValueKind.Onion3);
    public static readonly MultiaddrProtocol Tls = new("tls", 448, MultiaddrValueKind.None);
    public static readonly MultiaddrProtocol Sni = new("sni", 449, MultiaddrValueKind.Text);
    public static readonly MultiaddrProtocol Noise = new("noise", 454, MultiaddrValueKind.None);
    public static readonly MultiaddrProtocol Quic = new("quic", 460, MultiaddrValueKind.None);
    public static readonly MultiaddrProtocol QuicV1 = new("quic-v1", 461, MultiaddrValueKind.None);
    public static readonly MultiaddrProtocol WebTransport = new("webtransport", 465, MultiaddrValueKind.None);
    public static readonly MultiaddrProtocol Ws = new("ws", 477, MultiaddrValueKind.None);
    public static readonly MultiaddrProtocol Wss = new("wss", 478, MultiaddrValueKind.None);
    public static readonly MultiaddrProtocol P2pWebSocketStar = new("p2p-websocket-star", 479, MultiaddrValueKind.None);
    public static readonly MultiaddrProtocol Http = new("http", 480, MultiaddrValueKind.None);

    private static readonly MultiaddrProtocol[] All =
    [
        Ip4, Tcp, Dccp, Ip6, Ip6Zone, IpCidr, Dns, Dns4, Dns6, DnsAddr, Sctp, Udp, P2pWebRtcStar, P2pWebRtcDirect,
        P2pStardust, WebRtcDirect, WebRtc, P2pCircuit, Udt, Utp, Unix, P2p, Https, Onion, Onion3, Tls, Sni, Noise,
        Quic, QuicV1, WebTransport, Ws, Wss, P2pWebSocketStar, Http,
    ];

    private static readonly Dictionary<string, MultiaddrProtocol> ByName = BuildByName();
    private static readonly Dictionary<ulong, MultiaddrProtocol> ByCode = All.ToDictionary(p => p.Code);

    private MultiaddrProtocol(string name, ulong code, MultiaddrValueKind kind)
    {
        Name = name;
        Code = code;
        Kind = kind;
    }

    /// <summary>The canonical text name.</summary>
    public string Name { get; }

    /// <summary>The multicodec code.</summary>
    public ulong Code { get; }

    /// <summary>How the value is encoded.</summary>
    public MultiaddrValueKind Kind { get; }

    /// <summary>Looks a protocol up by text name ("ipfs" is the legacy alias of "p2p").</summary>
    public static MultiaddrProtocol? FromName(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Looks a protocol up by code.</summary>
    public static MultiaddrProtocol? FromCode(ulong code) => ByCode.GetValueOrDefault(code);

    public override string ToString() => Name;

    private static Dictionary<string, MultiaddrProtocol> BuildByName()
    {
        var byName = All.ToDictionary(p => p.Name, StringComparer.Ordinal);
        byName["ipfs"] = P2p;
        return byName;
    }
}
