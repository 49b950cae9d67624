using System.Reflection;
using NativeDvt.Consensus.Tests.Support;
using NativeDvt.Consensus.Types;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Tests.Ssz;

/// <summary>
/// Every codec NativeDvt.Ssz.Generator writes, found by its [SszContainer] attribute: the same checks for each, so a new
/// container is covered once it has a sample.
/// </summary>
[Trait("Category", "Unit")]
public sealed class GeneratedCodecTests
{
    private static readonly Type[] Generated =
        [.. typeof(Group).Assembly.GetTypes().Where(t => t.GetCustomAttribute<SszContainerAttribute>() is not null)];

    [Fact]
    public void EveryGeneratedType_HasSamples()
    {
        var sampled = new Samples(1).Codecs().Select(c => c.Type).ToHashSet();
        Assert.Equal(27, Generated.Length);
        Assert.All(Generated, type => Assert.Contains(type, sampled));
    }

    [Fact]
    public void EveryGeneratedType_RandomValues_RoundTripWithTheSizeAndRoot()
    {
        foreach (var codec in GeneratedCodecs(new Samples(2)))
        {
            for (var i = 0; i < 20; i++)
            {
                var sample = codec.SampleWithRoots();
                Assert.True(sample.Size == sample.Bytes.Length, $"{codec.Name}: GetSize {sample.Size}, encoded {sample.Bytes.Length}");
                Assert.True(sample.Bytes.AsSpan().SequenceEqual(codec.RoundTrip(sample.Bytes)), codec.Name);
                Assert.True(sample.Root == sample.DecodedRoot, $"{codec.Name}: the decoded value has another hash_tree_root");
            }
        }
    }

    [Fact]
    public void EveryGeneratedType_DistinctValues_DistinctRoots()
    {
        foreach (var codec in GeneratedCodecs(new Samples(3)))
        {
            var samples = Enumerable.Range(0, 8).Select(_ => codec.SampleWithRoots()).ToArray();
            var encodings = samples.Select(s => Convert.ToHexString(s.Bytes)).Distinct().Count();
            Assert.True(encodings == samples.Select(s => s.Root).Distinct().Count(), $"{codec.Name}: two encodings share a root, or one encoding has two");
        }
    }

    [Fact]
    public void EveryGeneratedType_ShortOrLongInput_FailsWithThePathFromTheType()
    {
        foreach (var codec in GeneratedCodecs(new Samples(4)))
        {
            var bytes = codec.Sample();

            // A variable container's last field takes what follows its offset, so only a cut into the first offset is sure to fail.
            byte[][] malformed = codec.IsFixedSize ? [bytes[..^1], [.. bytes, 0], []] : [bytes[..3], []];
            foreach (var input in malformed)
            {
                var error = Assert.Throws<SszException>(() => codec.RoundTrip(input));
                Assert.StartsWith(codec.Name, error.Field, StringComparison.Ordinal);
            }
        }
    }

    private static IEnumerable<SampledCodec> GeneratedCodecs(Samples samples) => samples.Codecs().Where(c => Generated.Contains(c.Type));
}
