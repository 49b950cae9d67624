namespace NativeDvt.Tests;

/// <summary>Paths inside this repository, found from the test binary's location.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootDirectory = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NativeDvt.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("NativeDvt.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The folder holding NativeDvt.sln.</summary>
    public static string Root => RootDirectory.Value;
}
