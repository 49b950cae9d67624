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
    public void Decode_RandomBytes_OnlyEverThrowsRpcDecodeException()
    {
        var random = new Random(1);
        var valid = RpcCodec.Encode(new Rpc
        {
            Subscriptions = [new SubOpts(true, "topic")],
            Messages = [new PubsubMessage { Topic = "topic", Data = [1, 2, 3, 4] }],
            Control = new ControlMessage { IHave = [new ControlIHave("topic", [[1, 2]])], Prune = [new ControlPrune("topic", [], 3)] },
        });
        for (var i = 0; i < 5000; i++)
        {
            var bytes = (byte[])valid.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var cut = bytes.AsSpan(0, random.Next(bytes.Length + 1)).ToArray();
            try
            {
                RpcCodec.Decode(cut);
            }
            catch (RpcDecodeException)
            {
            }
        }
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
}
