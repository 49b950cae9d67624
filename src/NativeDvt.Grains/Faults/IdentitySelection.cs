using NativeDvt.Devnet;
using NativeDvt.Grains.Abstractions;
using NativeDvt.Grains.Identities;

namespace NativeDvt.Grains.Faults;

/// <summary>
/// Which identities a test or a fault means: comma-separated identity keys (<c>g0-m1</c>) and devnet-file selectors (<c>all</c>,
/// <c>g0</c>, <c>g0-7</c>, <c>g3/m1</c>, <c>g0/m0-1</c>: docs/devnet-file.md), mixed as the test likes.
/// </summary>
public static class IdentitySelection
{
    /// <summary>The identities of <paramref name="spec"/> that <paramref name="selector"/> names, in registry order.</summary>
    /// <exception cref="ArgumentException">A term is malformed, names an identity or group the devnet does not have, or nothing is selected.</exception>
    public static IReadOnlyList<string> Resolve(DevnetSpec spec, string selector)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(selector);
        var identities = DevnetIdentities.Of(spec).Select(i => i.Key).ToList();
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in selector.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            chosen.UnionWith(ResolveTerm(spec, identities, term));
        }

        // A typo that selects nothing would make a stop or a partition silently do nothing.
        return chosen.Count == 0
            ? throw new ArgumentException($"'{selector}' selects no identity of {spec.Name}", nameof(selector))
            : [.. identities.Where(chosen.Contains)];
    }

    private static IEnumerable<string> ResolveTerm(DevnetSpec spec, List<string> identities, string term)
    {
        if (term.Contains("-m", StringComparison.Ordinal))
        {
            return identities.Contains(term, StringComparer.Ordinal)
                ? [term]
                : throw new ArgumentException($"'{term}' is not an identity of {spec.Name}: it has {string.Join(", ", identities)}", nameof(term));
        }

        IdentitySelector parsed;
        try
        {
            parsed = IdentitySelector.Parse(term);
        }
        catch (FormatException error)
        {
            throw new ArgumentException($"{error.Message}, or an identity key like g0-m1", nameof(term), error);
        }

        if (parsed.MaxGroup >= spec.GroupCount)
        {
            throw new ArgumentException($"'{term}' names group {parsed.MaxGroup}; {spec.Name} has groups 0 to {spec.GroupCount - 1}", nameof(term));
        }

        return identities.Where(key =>
        {
            var (group, member) = IdentityKeys.Parse(key);
            return parsed.Contains((int)group, member);
        });
    }
}
