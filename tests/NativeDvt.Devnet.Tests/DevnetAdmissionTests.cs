using NativeDvt.Tests;

namespace NativeDvt.Devnet.Tests;

[Trait("Category", "Unit")]
public sealed class DevnetAdmissionTests
{
    private static DevnetSpec WithScheme(string scheme) => DevnetFileReader.Parse($$"""
        scheme: {{scheme}}
        groups:
          - { n: 4, m: 3 }
        """, "admission.yaml");

    [Fact]
    public void Refusal_InsecureFast_NamesTheSchemeAndTheSimulator()
    {
        var refusal = DevnetAdmission.Refusal(WithScheme("insecure-fast"));

        Assert.NotNull(refusal);
        Assert.StartsWith("scheme: insecure-fast", refusal, StringComparison.Ordinal);
        Assert.Contains("ndvt sim", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bls")]
    [InlineData("ed25519")]
    [InlineData("xmss")]
    public void Refusal_RealScheme_None(string scheme) => Assert.Null(DevnetAdmission.Refusal(WithScheme(scheme)));

    [Fact]
    public void Notes_LocalDevnetFile_None() => Assert.Empty(DevnetAdmission.Notes(DevnetFileReader.Load(Path.Combine(RepositoryPaths.Root, "devnets", "local.yaml"))));

    [Fact]
    public void Notes_FaultsTour_NamesTheNetworkModelAndLateMembers()
    {
        var notes = DevnetAdmission.Notes(DevnetFileReader.Load(Path.Combine(RepositoryPaths.Root, "devnets", "faults.yaml"))).ToList();

        Assert.Equal(2, notes.Count);
        Assert.StartsWith("network.latency", notes[0], StringComparison.Ordinal);
        Assert.StartsWith("late member profiles", notes[1], StringComparison.Ordinal);
    }
}
