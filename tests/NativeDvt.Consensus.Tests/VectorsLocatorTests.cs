using NativeDvt.Tests;

namespace NativeDvt.Consensus.Tests;

[Trait("Category", "Vectors")]
public sealed class VectorsLocatorTests
{
    [Fact]
    public void Vectors_Root_HoldsEverySuiteFolder()
    {
        foreach (var folder in new[] { "bls", "libp2p", "noise", "shuffling", "slashing-protection", "ssz" })
        {
            Assert.True(Directory.Exists(Vectors.PathOf(folder)), folder);
        }
    }
}
