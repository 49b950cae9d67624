using System.Net;
using NativeDvt.Libp2p.Core.Multiaddress;

namespace NativeDvt.Grains.Identities;

/// <summary>Where this silo's identity nodes listen: one address (127.0.0.1 on one machine), a free TCP port each.</summary>
/// <param name="Address">The address, reachable by the other silos' identities.</param>
public sealed record IdentityNetwork(IPAddress Address)
{
    /// <summary>The libp2p listen address of one identity node.</summary>
    public Multiaddr ListenAddress => Multiaddr.Parse($"/{(Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "ip6" : "ip4")}/{Address}/tcp/0");
}
