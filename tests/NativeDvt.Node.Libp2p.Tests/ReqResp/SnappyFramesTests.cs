using System.IO.Compression;
using NativeDvt.Node.Libp2p.ReqResp;
using Snappier;

namespace NativeDvt.Node.Libp2p.Tests.ReqResp;

[Trait("Category", "Unit")]
public sealed class SnappyFramesTests
{
    public static TheoryData<int> Sizes => [1, 31, 4096, 65_536, 65_537, 200_000];

    [Fact]
    public void Crc32C_CheckValue_MatchesTheCatalogue() =>
        Assert.Equal(0xE3069283u, SnappyFrames.Crc32C("123456789"u8));

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Encode_ReadBySnappierAndBack_RoundTrips(int size)
    {
        foreach (var data in new[] { Random(size, 1), Compressible(size) })
        {
            var framed = SnappyFrames.Encode(data);

            using var theirs = new SnappyStream(new MemoryStream(framed), CompressionMode.Decompress);
            using var decoded = new MemoryStream();
            await theirs.CopyToAsync(decoded, TestContext.Current.CancellationToken);
            Assert.Equal(data, decoded.ToArray());

            Assert.Equal(data, await SnappyFrames.ReadAsync(new MemoryStream(framed), size, TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task ReadAsync_SnappierFrames_Decodes(int size)
    {
        var data = Compressible(size);
        using var buffer = new MemoryStream();
        using (var theirs = new SnappyStream(buffer, CompressionMode.Compress, leaveOpen: true))
        {
            await theirs.WriteAsync(data, TestContext.Current.CancellationToken);
        }

        Assert.Equal(data, await SnappyFrames.ReadAsync(new MemoryStream(buffer.ToArray()), size, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReadAsync_TwoPayloadsOnOneStream_ReadsEachExactly()
    {
        var first = Compressible(70_000);
        var second = Random(100, 2);
        var stream = new MemoryStream([.. SnappyFrames.Encode(first), .. SnappyFrames.Encode(second)]);

        Assert.Equal(first, await SnappyFrames.ReadAsync(stream, first.Length, TestContext.Current.CancellationToken));
        Assert.Equal(second, await SnappyFrames.ReadAsync(stream, second.Length, TestContext.Current.CancellationToken));
        Assert.Equal(stream.Length, stream.Position);
    }

    [Fact]
    public async Task ReadAsync_BadInput_ThrowsReqRespException()
    {
        var data = Compressible(1000);
        var good = SnappyFrames.Encode(data);
        var badCrc = (byte[])good.Clone();
        badCrc[14] ^= 1;
        var noIdentifier = good[10..];
        var reservedType = (byte[])good.Clone();
        reservedType[10] = 0x02;
        var cases = new Dictionary<string, (byte[] Bytes, int Length)>
        {
            ["checksum"] = (badCrc, data.Length),
            ["no stream identifier"] = (noIdentifier, data.Length),
            ["reserved chunk type"] = (reservedType, data.Length),
            ["truncated"] = (good[..^3], data.Length),
            ["longer than declared"] = (good, data.Length - 1),
            ["endless padding"] = ([.. good[..10], .. Enumerable.Repeat<byte[]>([0xfe, 0xff, 0xff, 0x00], 3).SelectMany(p => p.Concat(new byte[0xffff]))], 10),
        };

        var failures = new List<string>();
        foreach (var (name, (bytes, length)) in cases)
        {
            try
            {
                await SnappyFrames.ReadAsync(new MemoryStream(bytes), length, TestContext.Current.CancellationToken);
                failures.Add($"{name}: accepted");
            }
            catch (ReqRespException)
            {
            }
            catch (Exception e)
            {
                failures.Add($"{name}: {e.GetType().Name}");
            }
        }

        Assert.Empty(failures);
    }

    private static byte[] Random(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Compressible(int size) => [.. Enumerable.Range(0, size).Select(i => (byte)(i / 100 % 7))];
}
