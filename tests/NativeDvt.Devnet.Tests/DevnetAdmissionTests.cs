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
}
