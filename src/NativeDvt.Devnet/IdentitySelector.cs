using System.Globalization;

namespace NativeDvt.Devnet;

/// <summary>
/// A set of member nodes written as comma-separated terms: <c>all</c>, <c>g5</c> (every member of
/// group 5), <c>g0-7</c> (groups 0 to 7), <c>g3/m1</c> (member 1 of group 3), <c>g0/m0-1</c>.
/// Group numbers are registry indices: the groups of the file in order, then the solos.
/// </summary>
public sealed class IdentitySelector
{
    private readonly IReadOnlyList<SelectorTerm> _terms;

    private IdentitySelector(string text, IReadOnlyList<SelectorTerm> terms)
    {
        Text = text;
        _terms = terms;
    }

    /// <summary>The selector as written.</summary>
    public string Text { get; }

    /// <summary>True when member <paramref name="member"/> of group <paramref name="group"/> is selected.</summary>
    public bool Contains(int group, int member) => _terms.Any(t => t.Contains(group, member));

    /// <summary>True when any member of <paramref name="group"/> is selected.</summary>
    public bool ContainsGroup(int group) => _terms.Any(t => t.Contains(group, t.FirstMember));

    /// <summary>The highest group index named, or -1 for <c>all</c> alone.</summary>
    public int MaxGroup => _terms.Count == 0 ? -1 : _terms.Max(t => t.LastGroup == int.MaxValue ? -1 : t.LastGroup);

    /// <summary>Parses a selector; the error says what part is wrong.</summary>
    public static IdentitySelector Parse(string text)
    {
        var terms = new List<SelectorTerm>();
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            terms.Add(ParseTerm(raw));
        }

        return new IdentitySelector(text, terms);
    }

    /// <summary>Every member of each group in <paramref name="groups"/>; selects nothing when it is empty.</summary>
    public static IdentitySelector OfGroups(IEnumerable<int> groups)
    {
        var list = groups.Distinct().Order().ToList();
        return new IdentitySelector(
            list.Count == 0 ? "none" : string.Join(", ", list.Select(g => string.Create(CultureInfo.InvariantCulture, $"g{g}"))),
            [.. list.Select(g => new SelectorTerm(g, g, 0, int.MaxValue))]);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static SelectorTerm ParseTerm(string term)
    {
        if (term == "all")
        {
            return new SelectorTerm(0, int.MaxValue, 0, int.MaxValue);
        }

        var parts = term.Split('/');
        if (parts.Length > 2 || parts[0].Length < 2 || parts[0][0] != 'g')
        {
            throw new FormatException($"'{term}' is not a selector: write all, g5, g0-7, g3/m1 or g0/m0-1");
        }

        var (firstGroup, lastGroup) = ParseRange(parts[0][1..], term);
        if (parts.Length == 1)
        {
            return new SelectorTerm(firstGroup, lastGroup, 0, int.MaxValue);
        }

        if (parts[1].Length < 2 || parts[1][0] != 'm')
        {
            throw new FormatException($"'{term}': the part after '/' names members, like m1 or m0-2");
        }

        var (firstMember, lastMember) = ParseRange(parts[1][1..], term);
        return new SelectorTerm(firstGroup, lastGroup, firstMember, lastMember);
    }

    private static (int First, int Last) ParseRange(string text, string term)
    {
        var bounds = text.Split('-');
        if (bounds.Length > 2 || !bounds.All(b => int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new FormatException($"'{term}': '{text}' is not a number or a range like 0-7");
        }

        var first = int.Parse(bounds[0], CultureInfo.InvariantCulture);
        var last = bounds.Length == 2 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) : first;
        if (last < first)
        {
            throw new FormatException($"'{term}': the range {text} runs backwards");
        }

        return (first, last);
    }

    private sealed record SelectorTerm(int FirstGroup, int LastGroup, int FirstMember, int LastMember)
    {
        public bool Contains(int group, int member) =>
            group >= FirstGroup && group <= LastGroup && member >= FirstMember && member <= LastMember;
    }
}
