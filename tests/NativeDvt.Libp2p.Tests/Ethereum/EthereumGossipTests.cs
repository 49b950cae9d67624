using System.Security.Cryptography;
using NativeDvt.Libp2p.Ethereum;
using NativeDvt.Libp2p.Gossipsub;

namespace NativeDvt.Libp2p.Tests.Ethereum;

[Trait("Category", "Unit")]
public sealed class EthereumGossipTests
{
    private const string Topic = "/ndvt/0a0b0c0d/beacon_block/ssz_snappy";

    [Fact]
    public void Format_ForkDigestAndName_BuildsNdvtTopic()
    {
        Assert.Equal(Topic, EthereumGossipTopic.Format([0x0a, 0x0b, 0x0c, 0x0d], "beacon_block"));
    }

    [Theory]
    [InlineData(Topic, true)]
    [InlineData("/eth2/0a0b0c0d/beacon_block/ssz_snappy", false)]
    [InlineData("/ndvt/0A0B0C0D/beacon_block/ssz_snappy", false)]
    [InlineData("/ndvt/0a0b0c/beacon_block/ssz_snappy", false)]
    [InlineData("/ndvt/0a0b0c0d/beacon_block/ssz", false)]
    [InlineData("/ndvt/0a0b0c0d//ssz_snappy", false)]
    public void TryParse_Topic_AcceptsOnlyTheNdvtShape(string topic, bool expected)
    {
        Assert.Equal(expected, EthereumGossipTopic.TryParse(topic, out var digest, out var name));
        if (expected)
        {
            Assert.Equal([0x0a, 0x0b, 0x0c, 0x0d], digest);
            Assert.Equal("beacon_block", name);
        }
    }

    [Fact]
    public void Compress_Hello_IsOneSnappyLiteralBlock()
    {
        // varint length 5, literal tag (5-1)<<2, then the bytes: the snappy block format, not the framed one.
        Assert.Equal("051068656c6c6f", Convert.ToHexStringLower(SszSnappy.Compress("hello"u8)));
    }

    [Fact]
    public void Decompress_RoundTripsCompressed()
    {
        var data = new byte[5000];
        new Random(3).NextBytes(data.AsSpan(0, 2000));

        Assert.Equal(data, SszSnappy.Decompress(SszSnappy.Compress(data)));
    }

    [Fact]
    public void Decompress_DeclaredLengthAboveLimit_ThrowsBeforeDecompressing()
    {
        // Header declares 2^30 bytes; the body is a few bytes of literal, far from that.
        byte[] block = [0x80, 0x80, 0x80, 0x80, 0x04, 0x00, 0x61];

        var error = Assert.Throws<SszSnappyException>(() => SszSnappy.Decompress(block));
        Assert.Contains("declared", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompress_SmallLimit_RejectsLargerPayload()
    {
        Assert.Throws<SszSnappyException>(() => SszSnappy.Decompress(SszSnappy.Compress(new byte[100]), maxUncompressed: 99));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ff")]
    [InlineData("0510686565")]
    [InlineData("05f0ffffffff")]
    public void Decompress_Corrupt_ThrowsSszSnappyException(string hex)
    {
        Assert.Throws<SszSnappyException>(() => SszSnappy.Decompress(Convert.FromHexString(hex)));
    }

    [Fact]
    public void MessageId_ValidSnappy_HashesDomainTopicLengthTopicAndDecompressedData()
    {
        var message = new PubsubMessage { Topic = Topic, Data = SszSnappy.Compress("hello"u8) };
        byte[] preimage = [.. EthereumMessageId.MessageDomainValidSnappy, .. BitConverter.GetBytes((ulong)Topic.Length), .. "/ndvt/0a0b0c0d/beacon_block/ssz_snappy"u8, .. "hello"u8];

        var id = EthereumMessageId.Compute(message);

        Assert.True(BitConverter.IsLittleEndian);
        Assert.Equal(SHA256.HashData(preimage)[..20], id);
    }

    [Fact]
    public void MessageId_UndecodablePayload_UsesInvalidDomainOverRawData()
    {
        byte[] raw = [0xff, 0x00, 0x01];
        var message = new PubsubMessage { Topic = Topic, Data = raw };
        byte[] preimage = [.. EthereumMessageId.MessageDomainInvalidSnappy, .. BitConverter.GetBytes((ulong)Topic.Length), .. "/ndvt/0a0b0c0d/beacon_block/ssz_snappy"u8, .. raw];

        Assert.Equal(SHA256.HashData(preimage)[..20], EthereumMessageId.Compute(message));
    }

    [Fact]
    public void MessageId_SameDataOtherTopic_Differs()
    {
        var data = SszSnappy.Compress("x"u8);
        Assert.NotEqual(
            EthereumMessageId.Compute(new PubsubMessage { Topic = Topic, Data = data }),
            EthereumMessageId.Compute(new PubsubMessage { Topic = "/ndvt/0a0b0c0d/other/ssz_snappy", Data = data }));
    }

    [Fact]
    public async Task Validator_GarbagePayload_Rejects_ValidPayloadReachesApplication()
    {
        byte[]? seen = null;
        var validator = EthereumGossipValidator.Create((_, ssz, _) =>
        {
            seen = ssz;
            return ValueTask.FromResult(ValidationResult.Accept);
        });
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(ValidationResult.Reject, await validator("p", new PubsubMessage { Topic = Topic, Data = [0xff] }, ct));
        Assert.Null(seen);
        Assert.Equal(ValidationResult.Accept, await validator("p", new PubsubMessage { Topic = Topic, Data = SszSnappy.Compress([1, 2]) }, ct));
        Assert.Equal([1, 2], seen);
    }

    [Fact]
    public void Options_AreTheConsensusSpecGossipParameters()
    {
        var options = EthereumGossipOptions.Create();

        Assert.Equal((8, 6, 12, 6), (options.D, options.DLo, options.DHi, options.DLazy));
        Assert.Equal(TimeSpan.FromMilliseconds(700), options.HeartbeatInterval);
        Assert.Equal((6, 3), (options.HistoryLength, options.HistoryGossip));
        Assert.Equal(TimeSpan.FromSeconds(385), options.SeenTtl);
        Assert.True(options.MaxRpcSize > EthereumGossipLimits.GossipMaxSize);
    }
}
