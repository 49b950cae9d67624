using System.Globalization;

namespace NativeDvt.Devnet;

/// <summary>A member profile's spelling (<c>honest</c>, <c>late 900ms</c>, <c>bug-invalid-state-root from slot 24</c>), as the devnet file and the fault controls take it.</summary>
public static class MemberProfileText
{
    /// <summary>The profile <paramref name="text"/> spells.</summary>
    /// <exception cref="FormatException">It spells none; the message says what would be one.</exception>
    public static MemberProfile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0 || !ProfileNames.TryParse(words[0], out var kind))
        {
            throw new FormatException($"'{text}' is not a profile: one of {string.Join(", ", ProfileNames.All)} (late takes a delay: late 900ms)");
        }

        if (kind == ProfileKind.BugInvalidStateRoot && words.Length > 1)
        {
            return words.Length == 4 && words[1] == "from" && words[2] == "slot"
                && ulong.TryParse(words[3], NumberStyles.None, CultureInfo.InvariantCulture, out var slot)
                ? new MemberProfile(kind, TimeSpan.Zero) { TriggerSlot = slot }
                : throw new FormatException($"{words[0]} takes an optional trigger: {words[0]} from slot 24");
        }

        if (kind == ProfileKind.Late)
        {
            return words.Length != 2 ? throw new FormatException("late needs its delay, like: late 900ms")
                : TryParseDuration(words[1], out var delay) ? new MemberProfile(kind, delay)
                : throw new FormatException($"'{words[1]}' is not a duration: write it like 900ms or 1.5s");
        }

        return words.Length == 1 ? new MemberProfile(kind, TimeSpan.Zero) : throw new FormatException($"{words[0]} takes no argument");
    }

    /// <summary>Reads <paramref name="text"/> (900ms, 1.5s) as a duration.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        text = text.Trim();
        var (number, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : (string.Empty, 0.0);
        if (scale == 0 || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            duration = TimeSpan.Zero;
            return false;
        }

        duration = TimeSpan.FromMilliseconds(value * scale);
        return true;
    }
}
