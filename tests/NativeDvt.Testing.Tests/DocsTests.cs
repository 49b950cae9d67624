using NativeDvt.Tests;

namespace NativeDvt.Testing.Tests;

[Trait("Category", "Unit")]
public sealed class DocsTests
{
    [Fact]
    public void TestingPage_ShowsTheStopAndStartTestVerbatim()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "testing.md"));
        var test = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "NativeDvt.Testing.Tests", "StopAndStartTests.cs"));

        Assert.Contains("```csharp\n" + test + "```", page, StringComparison.Ordinal);
    }
}
