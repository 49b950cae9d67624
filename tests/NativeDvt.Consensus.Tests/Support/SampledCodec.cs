namespace NativeDvt.Consensus.Tests.Support;

/// <summary>One type's codec over seeded samples: a fresh encoding, and a decode-then-re-encode function.</summary>
internal sealed record SampledCodec(string Name, Func<byte[]> Sample, Func<byte[], byte[]> RoundTrip)
{
    /// <summary>The C# type the codec encodes.</summary>
    public required Type Type { get; init; }

    /// <summary>Whether every value encodes to the same number of bytes.</summary>
    public required bool IsFixedSize { get; init; }

    /// <summary>A fresh sample's encoding, size and hash_tree_root, and the root of its decoding.</summary>
    public required Func<RootedSample> SampleWithRoots { get; init; }
}
