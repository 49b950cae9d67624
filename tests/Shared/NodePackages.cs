using System.Collections.Concurrent;
using System.Diagnostics;

namespace NativeDvt.Tests;

/// <summary>
/// Installs the npm packages that interop and differential tests run against (js-libp2p peers,
/// @chainsafe/blst) into a folder of this repository that git ignores (node_modules), so the tests
/// also run on a fresh clone. The folder's package.json pins the versions; installs run once per
/// folder and test process, and are skipped when node_modules already matches package-lock.json.
/// </summary>
public static class NodePackages
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Installs = new();

    /// <summary>Ensures the packages of <paramref name="folder"/> (relative to the repo root) are installed; returns its full path.</summary>
    public static Task<string> EnsureInstalledAsync(string folder) =>
        Installs.GetOrAdd(folder, f => new Lazy<Task<string>>(() => InstallAsync(f))).Value;

    /// <summary>The node executable, or a failed test naming what is missing.</summary>
    public static string Node => Which("node") ?? throw new InvalidOperationException("node is not on PATH; interop tests need Node.js 20+");

    private static async Task<string> InstallAsync(string folder)
    {
        var directory = Path.Combine(RepositoryPaths.Root, folder);
        var marker = Path.Combine(directory, "node_modules", ".package-lock.json");
        var lockFile = Path.Combine(directory, "package-lock.json");
        if (File.Exists(marker) && File.Exists(lockFile) && File.GetLastWriteTimeUtc(marker) >= File.GetLastWriteTimeUtc(lockFile))
        {
            return directory;
        }

        var npm = Which("npm") ?? throw new InvalidOperationException("npm is not on PATH; interop tests need Node.js 20+ with npm");
        var arguments = File.Exists(lockFile) ? "ci --no-audit --no-fund --loglevel=error" : "install --no-audit --no-fund --loglevel=error";
        var start = new ProcessStartInfo(npm, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start npm");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm {arguments} in {directory} failed ({process.ExitCode}): {await stderr.ConfigureAwait(false)}{await stdout.ConfigureAwait(false)}");
        }

        return directory;
    }

    private static string? Which(string name)
    {
        foreach (var path in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(path, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
