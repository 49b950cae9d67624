using NativeDvt.Devnet;

namespace NativeDvt.Testing.Tests;

[Trait("Category", "Unit")]
public sealed class TestDevnetStartTests
{
    [Fact]
    public async Task FromYaml_InvalidFile_ThrowsNamingLineAndFieldBeforeAnySiloStarts()
    {
        var error = await Assert.ThrowsAsync<DevnetFileException>(() => TestDevnet.FromYamlAsync("""
            scheme: ed25519
            groups:
              - { n: 3, m: 4 }
            """, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("inline.yaml:3", error.Message, StringComparison.Ordinal);
        Assert.Contains("groups[0].m", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromYaml_InsecureFastScheme_Refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TestDevnet.FromYamlAsync("""
            scheme: insecure-fast
            groups:
              - { n: 1, m: 1 }
            """, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("insecure-fast", error.Message, StringComparison.Ordinal);
    }
}
