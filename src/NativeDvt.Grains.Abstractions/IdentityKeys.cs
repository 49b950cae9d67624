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
    public static (ulong Group, int Member) Parse(string key) =>
        TryParse(key, out var group, out var member)
            ? (group, member)
            : throw new FormatException($"identity key '{key}' is not of the form g<group>-m<member>");

    /// <summary>The group and member of <paramref name="key"/>, or false when it is not of the form <c>g{group}-m{member}</c>.</summary>
    public static bool TryParse(string key, out ulong group, out int member)
    {
        group = 0;
        member = 0;
        var dash = key.IndexOf("-m", StringComparison.Ordinal);
        return key.Length >= 4 && key[0] == 'g' && dash >= 2
            && ulong.TryParse(key.AsSpan(1, dash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out group)
            && int.TryParse(key.AsSpan(dash + 2), NumberStyles.None, CultureInfo.InvariantCulture, out member);
    }
}
