using System.Net;
using System.Net.Sockets;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Core.Multiformats;

namespace NativeDvt.Libp2p.Transport;

/// <summary>TCP for /ip4|ip6|dns|dns4|dns6/…/tcp/port addresses.</summary>
internal static class TcpTransport
{
    /// <summary>Binds a listener to an /ip4 or /ip6 …/tcp address (port 0 picks a free port).</summary>
    public static TcpListener Listen(Multiaddr address)
    {
        var (host, port) = Endpoint(address);
        if (!IPAddress.TryParse(host, out var ip))
        {
            throw new ArgumentException($"listen address must be an IP address: {address}", nameof(address));
        }

        var listener = new TcpListener(ip, port);
        listener.Start();
        return listener;
    }

    /// <summary>Connects to a TCP address; returns the socket.</summary>
    public static async Task<Socket> DialAsync(Multiaddr address, CancellationToken cancellationToken)
    {
        var (host, port) = Endpoint(address);
        var family = address.Components[0].Protocol == MultiaddrProtocol.Dns4 ? AddressFamily.InterNetwork
            : address.Components[0].Protocol == MultiaddrProtocol.Dns6 ? AddressFamily.InterNetworkV6
            : AddressFamily.Unspecified;
        var addresses = IPAddress.TryParse(host, out var ip) ? [ip] : await Dns.GetHostAddressesAsync(host, family, cancellationToken).ConfigureAwait(false);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>True when <paramref name="address"/> starts with a host and a /tcp port.</summary>
    public static bool CanDial(Multiaddr address) =>
        address.Components.Count >= 2
        && address.Components[1].Protocol == MultiaddrProtocol.Tcp
        && address.Components[0].Protocol.Kind is MultiaddrValueKind.Ip4 or MultiaddrValueKind.Ip6 or MultiaddrValueKind.Text
        && address.Components[0].Protocol != MultiaddrProtocol.Ip6Zone && address.Components[0].Protocol != MultiaddrProtocol.Sni;

    private static (string Host, int Port) Endpoint(Multiaddr address)
    {
        if (!CanDial(address))
        {
            throw new MultiformatException($"not a TCP address: {address}");
        }

        return (address.Components[0].ValueText, int.Parse(address.Components[1].ValueText, System.Globalization.CultureInfo.InvariantCulture));
    }
}
