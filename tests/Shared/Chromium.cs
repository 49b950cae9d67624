namespace NativeDvt.Tests;

/// <summary>
/// Debian's Chromium for browser tests (<c>.ci/run</c> installs it with apt-get). Where it is missing a browser test
/// skips with a message, unless NDVT_REQUIRE_BROWSER=1 or CI is set (CI=true, as CI services set it), where it fails.
/// </summary>
public static class Chromium
{
    /// <summary>Where Debian puts it.</summary>
    public const string DebianPath = "/usr/bin/chromium";

    /// <summary>The browser's path (NDVT_CHROMIUM, else Debian's); skips or fails the test when there is none.</summary>
    public static string RequirePath()
    {
        var path = Environment.GetEnvironmentVariable("NDVT_CHROMIUM") is { Length: > 0 } given ? given : DebianPath;
        if (File.Exists(path))
        {
            return path;
        }

        var message = $"no Chromium at {path}: install Debian's chromium (apt-get install chromium) or set NDVT_CHROMIUM";
        if (Environment.GetEnvironmentVariable("NDVT_REQUIRE_BROWSER") == "1" || Environment.GetEnvironmentVariable("CI") is "true" or "1")
        {
            Assert.Fail(message + "; under CI (or NDVT_REQUIRE_BROWSER=1) this is a failure");
        }

        Assert.Skip(message);
        return path;
    }
}
