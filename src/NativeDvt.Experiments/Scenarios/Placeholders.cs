using System.Text.RegularExpressions;

namespace NativeDvt.Experiments.Scenarios;

/// <summary><c>$name</c> placeholders (plain YAML, so they also sit inside flow mappings) in a scenario's devnet template.</summary>
internal static partial class Placeholders
{
    [GeneratedRegex(@"\$([A-Za-z][A-Za-z0-9_]*)")]
    private static partial Regex Pattern();

    /// <summary>Every placeholder in <paramref name="text"/>: its name and its offset.</summary>
    public static IEnumerable<(string Name, int Index)> Find(string text) =>
        Pattern().Matches(text).Select(m => (m.Groups[1].Value, m.Index));

    /// <summary>
    /// <paramref name="text"/> with each placeholder replaced by its binding's YAML source text, again while a value
    /// put in holds placeholders of other axes (a member list of one axis naming <c>$first</c> of another), at most
    /// <see cref="MaxDepth"/> times. Bindings are single lines, so every line of the template keeps its number and
    /// errors still point into the scenario file.
    /// </summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> bindings)
    {
        for (var depth = 0; depth < MaxDepth && Pattern().IsMatch(text); depth++)
        {
            text = Pattern().Replace(text, m => bindings.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
        }

        return text;
    }

    /// <summary>How deep values may nest placeholders.</summary>
    public const int MaxDepth = 4;
}
