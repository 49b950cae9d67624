using NativeDvt.Libp2p.Gossipsub;

namespace NativeDvt.Libp2p.Tests.Gossipsub;

[Trait("Category", "Unit")]
public sealed class RpcCodecTests
{
    [Fact]
    public void Encode_Subscription_MatchesProtobufBytes()
    {
        var rpc = new Rpc { Subscriptions = [new SubOpts(true, "t")] };

        // field 1 (len 5) { field 1 varint 1, field 2 "t" }
        Assert.Equal("0a0508011201" + "74", Convert.ToHexStringLower(RpcCodec.Encode(rpc)));
    }

    [Fact]
    public void EncodeDecode_FullRpc_RoundTrips()
    {
        var rpc = new Rpc
        {
            Subscriptions = [new SubOpts(true, "a"), new SubOpts(false, "b")],
            Messages =
            [
                new PubsubMessage { Topic = "a", Data = [1, 2, 3] },
                new PubsubMessage { Topic = "b", Data = [], From = [9], Seqno = [0, 1], Signature = [7, 7], Key = [5] },
            ],
            Control = new ControlMessage
            {
                IHave = [new ControlIHave("a", [[1, 1], [2, 2]])],
                IWant = [new ControlIWant([[3, 3]])],
                Graft = [new ControlGraft("a")],
                Prune = [new ControlPrune("b", [new PeerInfo([4], [5, 6]), new PeerInfo(null, null)], 60), new ControlPrune("c", [], null)],
            },
        };

        var decoded = RpcCodec.Decode(RpcCodec.Encode(rpc));

        Assert.Equal(rpc.Subscriptions, decoded.Subscriptions);
        Assert.Equal(2, decoded.Messages.Count);
        Assert.Equal([1, 2, 3], decoded.Messages[0].Data);
        Assert.False(decoded.Messages[0].HasAuthorFields);
        Assert.Equal([9], decoded.Messages[1].From);
        Assert.Equal([0, 1], decoded.Messages[1].Seqno);
        Assert.Equal([7, 7], decoded.Messages[1].Signature);
        Assert.Equal([5], decoded.Messages[1].Key);
        var control = decoded.Control!;
        Assert.Equal("a", Assert.Single(control.IHave).TopicId);
        Assert.Equal([[1, 1], [2, 2]], control.IHave[0].MessageIds);
        Assert.Equal([[3, 3]], Assert.Single(control.IWant).MessageIds);
        Assert.Equal("a", Assert.Single(control.Graft).TopicId);
        Assert.Equal(2, control.Prune.Count);
        Assert.Equal(60UL, control.Prune[0].BackoffSeconds);
        Assert.Equal([4], control.Prune[0].Peers[0].PeerId);
        Assert.Equal([5, 6], control.Prune[0].Peers[0].SignedPeerRecord);
        Assert.Null(control.Prune[0].Peers[1].PeerId);
        Assert.Null(control.Prune[1].BackoffSeconds);
    }

    [Fact]
    public void EncodeDecode_RandomRpcs_ReEncodeToTheSameBytes()
    {
        var random = new Random(11);
        for (var i = 0; i < 500; i++)
        {
            var rpc = RandomRpc(random);
            var bytes = RpcCodec.Encode(rpc);
            var decoded = RpcCodec.Decode(bytes);

            Assert.Equal(bytes, RpcCodec.Encode(decoded));
            Assert.Equal(rpc.Subscriptions, decoded.Subscriptions);
            Assert.Equal(rpc.Messages.Select(m => (m.Topic, Convert.ToHexString(m.Data))), decoded.Messages.Select(m => (m.Topic, Convert.ToHexString(m.Data))));
        }
    }

    [Fact]
    public void Decode_UnknownControlField_IsSkipped()
    {
        // control { idontwant (field 5) { messageIDs: 0x01 }, graft { topicID: "t" } }
        var bytes = Convert.FromHexString("1a0a" + "2a030a0101" + "1a030a0174");

        var control = RpcCodec.Decode(bytes).Control!;

        Assert.Equal("t", Assert.Single(control.Graft).TopicId);
    }

    [Theory]
    [InlineData("0a05080112", "truncated subscription")]
    [InlineData("12020a00", "message without topic")]
    [InlineData("1a021a00", "graft without topic")]
    [InlineData("0aff", "length varint cut short")]
    [InlineData("0b", "group wire type")]
    [InlineData("12031a0180", "string field ends early")]
    public void Decode_Malformed_ThrowsRpcDecodeException(string hex, string why)
    {
        var error = Assert.Throws<RpcDecodeException>(() => RpcCodec.Decode(Convert.FromHexString(hex)));
        Assert.False(string.IsNullOrEmpty(error.Message), why);
    }

    [Fact]
    public async Task ReadAsync_FrameLargerThanLimit_ThrowsBeforeReadingBody()
    {
        var frame = RpcFraming.Frame(new Rpc { Messages = [new PubsubMessage { Topic = "t", Data = new byte[100] }] }, 1 << 20);
        using var stream = new MemoryStream(frame);

        await Assert.ThrowsAsync<RpcDecodeException>(async () => await RpcFraming.ReadAsync(stream, 50, TestContext.Current.CancellationToken));
        Assert.True(stream.Position < 3);
    }

    [Fact]
    public async Task ReadAsync_TwoFramesThenEnd_ReadsBothThenNull()
    {
        var first = RpcFraming.Frame(new Rpc { Subscriptions = [new SubOpts(true, "x")] }, 1000);
        var second = RpcFraming.Frame(new Rpc { Control = new ControlMessage { Graft = [new ControlGraft("x")] } }, 1000);
        using var stream = new MemoryStream([.. first, .. second]);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal("x", Assert.Single((await RpcFraming.ReadAsync(stream, 1000, ct))!.Subscriptions).TopicId);
        Assert.Equal("x", Assert.Single((await RpcFraming.ReadAsync(stream, 1000, ct))!.Control!.Graft).TopicId);
        Assert.Null(await RpcFraming.ReadAsync(stream, 1000, ct));
    }

    [Fact]
    public async Task ReadAsync_StreamEndsInsideFrame_ThrowsRpcDecodeException()
    {
        var frame = RpcFraming.Frame(new Rpc { Subscriptions = [new SubOpts(true, "x")] }, 1000);
        using var stream = new MemoryStream(frame[..^2]);

        await Assert.ThrowsAsync<RpcDecodeException>(async () => await RpcFraming.ReadAsync(stream, 1000, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Frame_RpcLargerThanLimit_Throws()
    {
        Assert.Throws<GossipsubException>(() => RpcFraming.Frame(new Rpc { Messages = [new PubsubMessage { Topic = "t", Data = new byte[64] }] }, 32));
    }

    private static Rpc RandomRpc(Random random)
    {
        byte[] Bytes(int max) => [.. Enumerable.Range(0, random.Next(max)).Select(_ => (byte)random.Next(256))];
        byte[]? Maybe(int max) => random.Next(3) == 0 ? null : Bytes(max);
        string Topic() => random.Next(4) == 0 ? "/ndvt/01020304/beacon_block/ssz_snappy" : new string('t', random.Next(1, 5)) + "\u00e9";
        List<T> Many<T>(int max, Func<T> make) => [.. Enumerable.Range(0, random.Next(max)).Select(_ => make())];

        return new Rpc
        {
            Subscriptions = Many(3, () => new SubOpts(random.Next(2) == 0, Topic())),
            Messages = Many(3, () => new PubsubMessage { Topic = Topic(), Data = Bytes(300), From = Maybe(40), Seqno = Maybe(9), Signature = Maybe(70), Key = Maybe(40) }),
            Control = random.Next(2) == 0 ? null : new ControlMessage
            {
                IHave = Many(3, () => new ControlIHave(Topic(), Many(4, () => Bytes(33)))),
                IWant = Many(3, () => new ControlIWant(Many(4, () => Bytes(33)))),
                Graft = Many(3, () => new ControlGraft(Topic())),
                Prune = Many(3, () => new ControlPrune(Topic(), Many(3, () => new PeerInfo(Maybe(40), Maybe(100))), random.Next(2) == 0 ? null : (ulong)random.NextInt64())),
            },
        };
    }
}
