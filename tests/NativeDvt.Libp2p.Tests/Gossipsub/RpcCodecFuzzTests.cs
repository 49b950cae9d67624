using NativeDvt.Libp2p.Gossipsub;

namespace NativeDvt.Libp2p.Tests.Gossipsub;

[Trait("Category", "Fuzz")]
public sealed class RpcCodecFuzzTests
{
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

        // A decoder that threw RpcDecodeException on everything would pass the mutations.
        Assert.Equal(valid, RpcCodec.Encode(RpcCodec.Decode(valid)));
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
}
