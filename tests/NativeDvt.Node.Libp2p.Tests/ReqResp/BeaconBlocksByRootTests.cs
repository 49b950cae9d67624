using NativeDvt.Consensus.Primitives;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Hosting;
using NativeDvt.Node.Libp2p.ReqResp;

namespace NativeDvt.Node.Libp2p.Tests.ReqResp;

/// <summary>BeaconBlocksByRoot between two hosts on loopback.</summary>
[Trait("Category", "Loopback")]
public sealed class BeaconBlocksByRootTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly Root Known = new([.. Enumerable.Repeat((byte)0xaa, 32)]);
    private static readonly Root Other = new([.. Enumerable.Repeat((byte)0xbb, 32)]);
    private static readonly Root Unknown = new([.. Enumerable.Repeat((byte)0xcc, 32)]);

    [Fact]
    public async Task Request_KnownAndUnknownRoots_ReturnsTheKnownBlocksInOrder()
    {
        var blocks = new Dictionary<Root, byte[]> { [Known] = Block(70_000, 1), [Other] = Block(300, 2) };
        await using var pair = await HostPair.StartAsync(blocks);

        var both = await BeaconBlocksByRoot.RequestAsync(pair.Client, pair.Server.PeerId, [Other, Unknown, Known], CancellationToken.None).WaitAsync(Wait);
        var none = await BeaconBlocksByRoot.RequestAsync(pair.Client, pair.Server.PeerId, [Unknown], CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(2, both.Count);
        Assert.Equal(blocks[Other], both[0]);
        Assert.Equal(blocks[Known], both[1]);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Request_MalformedRequest_AnsweredWithInvalidRequest()
    {
        await using var pair = await HostPair.StartAsync([]);
        var stream = await pair.Client.OpenStreamAsync(pair.Server.PeerId, [BeaconBlocksByRoot.ProtocolId], CancellationToken.None).WaitAsync(Wait);
        await using (stream)
        {
            // 33 bytes: not a whole number of roots.
            await stream.WriteAsync(ReqRespCodec.EncodePayload(new byte[33]), TestContext.Current.CancellationToken);
            await stream.CloseWriteAsync(TestContext.Current.CancellationToken);

            var chunk = await ReqRespCodec.ReadChunkAsync(stream, 1 << 20, CancellationToken.None).WaitAsync(Wait);
            var end = await ReqRespCodec.ReadChunkAsync(stream, 1 << 20, CancellationToken.None).WaitAsync(Wait);

            Assert.NotNull(chunk);
            Assert.Equal(ResponseCode.InvalidRequest, chunk.Code);
            Assert.Contains("33 bytes", System.Text.Encoding.UTF8.GetString(chunk.Payload), StringComparison.Ordinal);
            Assert.Null(end);
        }
    }

    [Fact]
    public void Request_RootsRoundTrip_DecodesTheSameRoots()
    {
        Assert.Equal([Known, Unknown], BeaconBlocksByRoot.DecodeRequest(BeaconBlocksByRoot.EncodeRequest([Known, Unknown])));
        Assert.Throws<ReqRespException>(() => BeaconBlocksByRoot.DecodeRequest([]));
        Assert.Throws<ReqRespException>(() => BeaconBlocksByRoot.DecodeRequest(new byte[32 * (BeaconBlocksByRoot.MaxRequestBlocks + 1)]));
    }

    private static byte[] Block(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private sealed class HostPair : IAsyncDisposable
    {
        private HostPair(Libp2pHost server, Libp2pHost client)
        {
            Server = server;
            Client = client;
        }

        public Libp2pHost Server { get; }

        public Libp2pHost Client { get; }

        public static async Task<HostPair> StartAsync(Dictionary<Root, byte[]> blocks)
        {
            var server = new Libp2pHost(new Libp2pHostOptions { ListenAddresses = [Multiaddr.Parse("/ip4/127.0.0.1/tcp/0")] });
            var client = new Libp2pHost(new Libp2pHostOptions { ListenAddresses = [Multiaddr.Parse("/ip4/127.0.0.1/tcp/0")] });
            BeaconBlocksByRoot.Serve(server, (root, _) => Task.FromResult(blocks.GetValueOrDefault(root)));
            await server.StartAsync();
            await client.StartAsync();
            await client.DialAsync(server.ListenAddresses[0].WithPeerId(server.PeerId)).WaitAsync(Wait);
            return new HostPair(server, client);
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Server.DisposeAsync();
        }
    }
}
