using NativeDvt.Libp2p.Ethereum;
using NativeDvt.Libp2p.Gossipsub;

namespace NativeDvt.Libp2p.Tests.Gossipsub.Interop;

/// <summary>The JS peer's snappy and Ethereum message id agree with ours, so both sides dedupe and gossip the same ids.</summary>
[Trait("Category", "Interop")]
public sealed class JsEthereumEncodingInteropTests
{
    private const string Topic = "/ndvt/01020304/beacon_block/ssz_snappy";

    [Fact]
    public async Task MessageId_CompressedAndGarbagePayloads_MatchJsPeer()
    {
        await using var js = await LinePeer.StartJsAsync(Topic);
        var compressible = Enumerable.Range(0, 3000).Select(i => (byte)(i % 7 == 0 ? i : 42)).ToArray();
        byte[][] payloads = [SszSnappy.Compress(compressible), SszSnappy.Compress([]), [0xff, 0xfe, 0x01], SszSnappy.Compress(new byte[70_000])];

        foreach (var payload in payloads)
        {
            var reply = await js.CommandAsync(new { cmd = "msgid", topic = Topic, data = Convert.ToHexStringLower(payload) });
            var expected = EthereumMessageId.Compute(new PubsubMessage { Topic = Topic, Data = payload });
            Assert.Equal(Convert.ToHexStringLower(expected), reply.GetProperty("id").GetString());
        }
    }
}
