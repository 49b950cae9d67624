using System.Text.Json;

namespace NativeDvt.Tests;

/// <summary>
/// Locates the public test vectors, which are read in place and never copied into the repo:
/// NDVT_VECTORS if set, else ../shared/vectors beside the repository root. Where they are absent
/// a vector test skips with a message, unless NDVT_REQUIRE_VECTORS=1 (CI), where it fails.
/// </summary>
public static class Vectors
{
    private static readonly Lazy<string?> RootDirectory = new(FindRoot);

    /// <summary>True when CI demands the vectors (NDVT_REQUIRE_VECTORS=1).</summary>
    public static bool Required => Environment.GetEnvironmentVariable("NDVT_REQUIRE_VECTORS") == "1";

    /// <summary>The vectors folder, or null when it cannot be found.</summary>
    public static string? Root => RootDirectory.Value;

    /// <summary>Full path of a vector file (relative to the vectors root), skipping or failing the test when absent.</summary>
    public static string PathOf(string relativePath)
    {
        var root = Root;
        var full = root is null ? null : System.IO.Path.Combine(root, relativePath);
        if (full is not null && (File.Exists(full) || Directory.Exists(full)))
        {
            return full;
        }

        var message = $"test vectors not found: {relativePath} (set NDVT_VECTORS or place them at ../shared/vectors beside the repository)";
        if (Required)
        {
            Assert.Fail(message + "; NDVT_REQUIRE_VECTORS=1 makes this a failure");
        }

        Assert.Skip(message);
        return string.Empty;
    }

    /// <summary>Parses one vector file (the common layout: suite, description, count, cases).</summary>
    public static JsonDocument Load(string relativePath)
    {
        using var stream = File.OpenRead(PathOf(relativePath));
        return JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
    }

    /// <summary>The cases array of a vector file, after checking that it holds as many cases as its header says.</summary>
    public static IReadOnlyList<JsonElement> Cases(JsonDocument document)
    {
        var cases = document.RootElement.GetProperty("cases").EnumerateArray().ToList();
        if (document.RootElement.TryGetProperty("count", out var count))
        {
            Assert.Equal(count.GetInt32(), cases.Count);
        }

        return cases;
    }

    /// <summary>Decodes the vectors' 0x-prefixed (or bare) lowercase hex.</summary>
    public static byte[] Hex(string text) =>
        Convert.FromHexString(text.StartsWith("0x", StringComparison.Ordinal) ? text[2..] : text);

    private static string? FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("NDVT_VECTORS");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? System.IO.Path.GetFullPath(fromEnvironment) : null;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "NativeDvt.sln")))
                {
                    var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "vectors"));
                    return Directory.Exists(candidate) ? candidate : null;
                }
            }
        }

        return null;
    }
}
