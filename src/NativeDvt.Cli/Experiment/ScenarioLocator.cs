namespace NativeDvt.Cli.Experiment;

/// <summary>Where the built-in scenarios are (scenarios/*.yaml, copied beside ndvt) and how a name or path finds a file.</summary>
internal static class ScenarioLocator
{
    /// <summary>The folder holding the built-in scenarios.</summary>
    public static string BuiltInFolder => Path.Combine(AppContext.BaseDirectory, "scenarios");

    /// <summary>The built-in scenario files, by name.</summary>
    public static IReadOnlyList<string> BuiltIn() =>
        Directory.Exists(BuiltInFolder) ? [.. Directory.GetFiles(BuiltInFolder, "*.yaml").Order(StringComparer.Ordinal)] : [];

    /// <summary><paramref name="argument"/> as a path when such a file exists, else the built-in scenario of that name.</summary>
    public static string? Find(string argument)
    {
        if (File.Exists(argument))
        {
            return argument;
        }

        var builtIn = Path.Combine(BuiltInFolder, argument + ".yaml");
        return File.Exists(builtIn) ? builtIn : null;
    }
}
