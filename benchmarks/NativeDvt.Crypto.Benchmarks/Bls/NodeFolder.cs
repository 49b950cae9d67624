using System.Diagnostics;

namespace NativeDvt.Crypto.Benchmarks.Bls;

/// <summary>Finds tests/interop/blst above the binary and runs `npm ci` there once if its node_modules is missing.</summary>
internal static class NodeFolder
{
    public static string EnsureInstalled()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NativeDvt.sln")))
            {
                var folder = Path.Combine(directory.FullName, "tests", "interop", "blst");
                if (!Directory.Exists(Path.Combine(folder, "node_modules", "@chainsafe", "blst")))
                {
                    using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error") { WorkingDirectory = folder })
                        ?? throw new InvalidOperationException("could not start npm");
                    npm.WaitForExit();
                }

                return folder;
            }
        }

        throw new InvalidOperationException("NativeDvt.sln not found above " + AppContext.BaseDirectory);
    }
}
