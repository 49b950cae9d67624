using NativeDvt.Crypto.Bls;

namespace NativeDvt.Crypto.Tests.Bls;

/// <summary>Random and mutated encodings never crash the decoders and are never accepted by chance.</summary>
[Trait("Category", "Fuzz")]
public sealed class BlsEncodingFuzzTests
{
    private const int Iterations = 1500;

    private readonly BlsScheme _scheme = new();

    [Fact]
    public void Decoders_RandomAndMutatedBytes_NeverThrow()
    {
        var random = new Random(9380);
        var sk = new byte[32];
        sk[31] = 7;
        var message = new byte[32];
        var pk = _scheme.DerivePublicKey(sk);
        var signature = _scheme.Sign(sk, message);
        var accepted = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var g1 = Mutate(random, pk);
            var g2 = Mutate(random, signature);
            BlsScheme.IsValidG1Encoding(g1);
            BlsScheme.KeyValidate(g1);
            BlsScheme.IsValidG2Encoding(g2);
            var changed = !g1.AsSpan().SequenceEqual(pk) || !g2.AsSpan().SequenceEqual(signature);
            if (i % 8 == 0 && changed && _scheme.Verify(g1, message, g2))
            {
                accepted++;
            }
        }

        Assert.Equal(0, accepted);
    }

    [Fact]
    public void Decoders_FlagCombinations_FollowZcashRules()
    {
        var sk = new byte[32];
        sk[31] = 3;
        var pk = _scheme.DerivePublicKey(sk);
        for (var flags = 0; flags < 8; flags++)
        {
            var bytes = (byte[])pk.Clone();
            bytes[0] = (byte)((bytes[0] & 0x1f) | (flags << 5));
            var compressed = (flags & 4) != 0;
            var infinity = (flags & 2) != 0;
            var valid = BlsScheme.IsValidG1Encoding(bytes);
            if (!compressed || infinity)
            {
                Assert.False(valid, $"flags {flags:b3} accepted");
            }
            else
            {
                Assert.True(valid, $"flags {flags:b3} rejected");
            }
        }
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        switch (random.Next(4))
        {
            case 0:
                {
                    var bytes = new byte[valid.Length];
                    random.NextBytes(bytes);
                    return bytes;
                }

            case 1:
                {
                    var bytes = (byte[])valid.Clone();
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                    return bytes;
                }

            case 2:
                {
                    var bytes = new byte[random.Next(0, valid.Length + 3)];
                    random.NextBytes(bytes);
                    return bytes;
                }

            default:
                {
                    var bytes = (byte[])valid.Clone();
                    bytes[0] = (byte)((bytes[0] & 0x1f) | (random.Next(8) << 5));
                    return bytes;
                }
        }
    }
}
