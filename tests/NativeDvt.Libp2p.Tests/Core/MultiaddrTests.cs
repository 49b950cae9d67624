using System.Net;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Core.Multiformats;

namespace NativeDvt.Libp2p.Tests.Core;

[Trait("Category", "Unit")]
public sealed class MultiaddrTests
{
    [Theory]
    [InlineData("/dns4/example.com/tcp/443/wss")]
    [InlineData("/dns6/a.b/udp/1/quic-v1")]
    [InlineData("/ip4/127.0.0.1/udp/9000/quic-v1/webtransport")]
    [InlineData("/ip6/fe80::1/tcp/1")]
    [InlineData("/ip4/10.0.0.1/tcp/80/ws/p2p/12D3KooWSCxTfVvMBJbpF75PQmnFdxdBfC1ZxAGYbFc3U9MjALXz")]
    public void ParseToString_Canonical_RoundTrips(string text)
    {
        var address = Multiaddr.Parse(text);
        Assert.Equal(text, address.ToString());
        Assert.Equal(address, Multiaddr.FromBytes(address.ToBytes()));
    }

    [Fact]
    public void Ipfs_IsAliasOfP2p()
    {
        var address = Multiaddr.Parse("/ipfs/QmcgpsyWgH8Y8ajJz1Cu72KnS5uo2Aa2LpzU7kinSupNKC");
        Assert.Equal("/p2p/QmcgpsyWgH8Y8ajJz1Cu72KnS5uo2Aa2LpzU7kinSupNKC", address.ToString());
    }

    [Fact]
    public void WithPeerId_GetPeerId_WithoutPeerId()
    {
        var peer = PrivateKey.FromEd25519Seed(new byte[32]).PeerId;
        var address = Multiaddr.FromTcp(new IPEndPoint(IPAddress.Loopback, 4001)).WithPeerId(peer);
        Assert.Equal($"/ip4/127.0.0.1/tcp/4001/p2p/{peer}", address.ToString());
        Assert.Equal(peer, address.GetPeerId());
        Assert.Equal("/ip4/127.0.0.1/tcp/4001", address.WithoutPeerId().ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("04010203")]
    [InlineData("0604")]
    [InlineData("ff")]
    [InlineData("a50300")]
    [InlineData("a503051220")]
    [InlineData("3500")]
    [InlineData("35022f61")]
    [InlineData("3502c328")]
    [InlineData("900300")]
    [InlineData("0401020304060050900366")]
    [InlineData("90030c2a04")]
    public void FromBytes_Malformed_ThrowsMultiformatException(string hex)
    {
        Assert.Throws<MultiformatException>(() => Multiaddr.FromBytes(Convert.FromHexString(hex)));
    }

    [Fact]
    public void FromBytes_RandomBytes_OnlyMultiformatException()
    {
        var random = new Random(3);
        for (var i = 0; i < 5000; i++)
        {
            var bytes = new byte[random.Next(0, 30)];
            random.NextBytes(bytes);
            try
            {
                var address = Multiaddr.FromBytes(bytes);
                Assert.Equal(address, Multiaddr.Parse(address.ToString()));
            }
            catch (MultiformatException)
            {
            }
        }
    }
}
