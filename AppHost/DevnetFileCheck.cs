using NativeDvt.Devnet;

namespace NativeDvt.AppHost;

/// <summary>A devnet file that passed the checks: its full path and what it describes.</summary>
/// <param name="Path">The file's full path, as handed to the silos.</param>
/// <param name="Spec">The parsed file.</param>
internal sealed record CheckedDevnet(string Path, DevnetSpec Spec);

/// <summary>Reads the devnet file before anything starts, so that a bad file is one clear line and nothing runs.</summary>
internal static class DevnetFileCheck
{
    /// <summary>
    /// Resolves <paramref name="file"/> (absolute, else against the repository root, else against the current directory),
    /// reads it strictly and applies the devnet's own refusals; prints the problem and returns null when it cannot run.
    /// </summary>
    public static CheckedDevnet? Load(string repositoryRoot, string file)
    {
        var path = Resolve(repositoryRoot, file);
        if (path is null)
        {
            Console.Error.WriteLine(Path.IsPathRooted(file)
                ? $"error: devnet file {file} not found"
                : $"error: devnet file {file} not found (relative paths are read from the repository root, {repositoryRoot})");
            return null;
        }

        DevnetSpec spec;
        try
        {
            spec = DevnetFileReader.Load(path);
        }
        catch (DevnetFileException e)
        {
            // FILE:LINE:COLUMN: FIELD: problem, as docs/devnet-file.md shows it.
            Console.Error.WriteLine($"error: {e.Message}");
            return null;
        }

        if (DevnetAdmission.Refusal(spec) is { } refusal)
        {
            Console.Error.WriteLine($"error: {path}: {refusal}");
            return null;
        }

        return new CheckedDevnet(path, spec);
    }

    private static string? Resolve(string repositoryRoot, string file)
    {
        if (Path.IsPathRooted(file))
        {
            return File.Exists(file) ? file : null;
        }

        foreach (var candidate in new[] { Path.Combine(repositoryRoot, file), Path.GetFullPath(file) })
        {
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
