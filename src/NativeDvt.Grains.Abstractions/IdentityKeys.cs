using System.Globalization;

namespace NativeDvt.Grains.Abstractions;

/// <summary>The key of an identity grain: <c>g{group}-m{member}</c>, as the event log names members.</summary>
public static class IdentityKeys
{
    /// <summary>The key of member <paramref name="member"/> of group <paramref name="group"/>.</summary>
    public static string Of(ulong group, int member) => string.Create(CultureInfo.InvariantCulture, $"g{group}-m{member}");

    /// <summary>The groups <paramref name="keys"/> belong to, each once, in the keys' order.</summary>
    public static ulong[] Groups(IEnumerable<string> keys) => [.. keys.Select(k => Parse(k).Group).Distinct()];

    /// <summary>The group and member of <paramref name="key"/>.</summary>
    /// <exception cref="FormatException">The key is not of the form <c>g{group}-m{member}</c>.</exception>
    public static (ulong Group, int Member) Parse(string key)
    {
        var dash = key.IndexOf("-m", StringComparison.Ordinal);
        if (key.Length < 4 || key[0] != 'g' || dash < 2
            || !ulong.TryParse(key.AsSpan(1, dash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var group)
            || !int.TryParse(key.AsSpan(dash + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var member))
        {
            throw new FormatException($"identity key '{key}' is not of the form g<group>-m<member>");
        }

        return (group, member);
    }
}
