using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using NativeDvt.Sha2;

namespace NativeDvt.Crypto.Tests.Xmss;

[Trait("Category", "Unit")]
public sealed class Sha256x8Tests
{
    [Theory]
    [InlineData(0)]
    [InlineData(55)]
    [InlineData(64)]
    [InlineData(119)]
    public void Compress_PaddedMessagesInEightLanes_MatchesSha256(int length)
    {
        var random = new Random(length);
        var messages = Enumerable.Range(0, 8).Select(_ => RandomBytes(random, length)).ToArray();
        var padded = messages.Select(Pad).ToArray();

        Span<Vector256<uint>> state = stackalloc Vector256<uint>[8];
        Span<Vector256<uint>> block = stackalloc Vector256<uint>[16];
        Span<uint> lane = stackalloc uint[8];
        Sha256x8.Initialize(state);
        for (var offset = 0; offset < padded[0].Length; offset += 64)
        {
            for (var word = 0; word < 16; word++)
            {
                for (var i = 0; i < 8; i++)
                {
                    lane[i] = BinaryPrimitives.ReadUInt32BigEndian(padded[i].AsSpan(offset + (4 * word)));
                }

                block[word] = Vector256.Create<uint>(lane);
            }

            Sha256x8.Compress(state, block);
        }

        for (var i = 0; i < 8; i++)
        {
            var digest = new byte[32];
            for (var word = 0; word < 8; word++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(4 * word), state[word].GetElement(i));
            }

            Assert.Equal(SHA256.HashData(messages[i]), digest);
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    // FIPS 180-4 section 5.1.1: a 1 bit, zeros, and the 64-bit length, to a multiple of 64 bytes.
    private static byte[] Pad(byte[] message)
    {
        var total = ((message.Length + 8) / 64 + 1) * 64;
        var padded = new byte[total];
        message.CopyTo(padded, 0);
        padded[message.Length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(padded.AsSpan(total - 8), (ulong)message.Length * 8);
        return padded;
    }
}
