using NativeDvt.Consensus.Tests.Support;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Tests.Fuzz;

[Trait("Category", "Fuzz")]
public sealed class DecoderFuzzTests
{
    private const int TotalInputs = 100_000;

    [Fact]
    public void EveryDecoder_RandomAndMutatedInputs_OnlySszExceptionEscapes()
    {
        var samples = new Samples(7);
        var codecs = samples.Codecs().ToArray();
        var random = new Random(11);
        var perCodec = TotalInputs / codecs.Length;
        var failures = new List<string>();
        var rejected = 0;
        var inputs = 0;
        foreach (var (name, sample, roundTrip) in codecs)
        {
            var valid = Enumerable.Range(0, 8).Select(_ => sample()).ToArray();

            // A decoder that rejected everything with SszException would pass the mutations: the seeds must round-trip.
            Assert.All(valid, seed => Assert.Equal(seed, roundTrip(seed)));
            for (var i = 0; i < perCodec; i++)
            {
                var input = random.Next(10) == 0 ? RandomBytes(random) : Mutate(random, valid[random.Next(valid.Length)]);
                inputs++;
                try
                {
                    roundTrip(input);
                }
                catch (SszException)
                {
                    rejected++;
                }
                catch (Exception e) when (failures.Count < 20)
                {
                    failures.Add($"{name}: {e.GetType().Name}: {e.Message} on {Convert.ToHexString(input.AsSpan(0, Math.Min(64, input.Length)))}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(inputs >= TotalInputs - codecs.Length);
        Assert.True(rejected > inputs / 10, $"only {rejected} of {inputs} inputs were rejected: the mutations are too weak");
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 300)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = (byte[])valid.Clone();
        var rounds = 1 + random.Next(3);
        for (var r = 0; r < rounds; r++)
        {
            switch (random.Next(6))
            {
                case 0 when bytes.Length > 0:
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Length > 0:
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes = bytes[..random.Next(bytes.Length + 1)];
                    break;
                case 3:
                    var extra = new byte[random.Next(1, 40)];
                    random.NextBytes(extra);
                    bytes = [.. bytes, .. extra];
                    break;
                case 4 when bytes.Length > 1:
                    var start = random.Next(bytes.Length);
                    var length = random.Next(1, bytes.Length - start + 1);
                    bytes = [.. bytes[..start], .. bytes[(start + length)..]];
                    break;
                case 5 when bytes.Length >= 4:
                    // Rewrite a 4-byte word as a plausible offset: near the data's length.
                    var at = random.Next(bytes.Length - 3);
                    BitConverter.GetBytes(random.Next(bytes.Length + 8)).CopyTo(bytes, at);
                    break;
            }
        }

        return bytes;
    }
}
