using NativeDvt.Tests;

namespace NativeDvt.Crypto.Tests.Bls;

[Trait("Category", "Unit")]
public sealed class FpGeneratedCodeTests
{
    /// <summary>
    /// The checked-in straight-line products are the generator's output, so a change made by hand to one of them
    /// (or to the generator alone) fails here. With NDVT_REGENERATE=1 the files are rewritten instead.
    /// </summary>
    [Fact]
    public void FpStraightLineCode_CheckedInFiles_MatchGeneratorOutput()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", "NativeDvt.Crypto", "Bls", "Fields");
        var regenerate = Environment.GetEnvironmentVariable("NDVT_REGENERATE") == "1";
        foreach (var (name, text) in FpCodeGenerator.Files())
        {
            var path = Path.Combine(folder, name);
            if (regenerate)
            {
                File.WriteAllText(path, text);
            }

            Assert.True(File.Exists(path), $"{name} is missing: run with NDVT_REGENERATE=1");
            Assert.True(File.ReadAllText(path) == text, $"{name} differs from FpCodeGenerator's output: run with NDVT_REGENERATE=1");
        }
    }
}
