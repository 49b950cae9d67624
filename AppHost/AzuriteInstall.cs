namespace NativeDvt.AppHost;

/// <summary>Node.js and the Azurite the build installed into <c>AppHost/azurite/node_modules</c>.</summary>
/// <param name="Node">The node executable.</param>
/// <param name="Script">Azurite's entry script (blob, queue and table services in one process).</param>
/// <param name="Directory">The folder Azurite runs in.</param>
internal sealed record AzuriteInstall(string Node, string Script, string Directory)
{
    /// <summary>The installed Azurite, or null when node is not on PATH or the build could not install it.</summary>
    public static AzuriteInstall? Find(string appHostDirectory)
    {
        var directory = Path.Combine(appHostDirectory, "azurite");
        var script = Path.Combine(directory, "node_modules", "azurite", "dist", "src", "azurite.js");
        return Which("node") is { } node && File.Exists(script) ? new AzuriteInstall(node, script, directory) : null;
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
