using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace NativeDvt.Devnet;

/// <summary>A YAML node with its field path, turning every bad value into a located error.</summary>
internal readonly record struct YamlField(YamlNode Node, string Path, string? File)
{
    public DevnetFileException Error(string problem) =>
        new(File, (int)Node.Start.Line, (int)Node.Start.Column, Path, problem);

    public string Scalar()
    {
        if (Node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        throw Error("expected a single value");
    }

    public int Int(int min, int max)
    {
        var text = Scalar();
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error($"'{text}' is not a whole number");
        }

        if (value < min || value > max)
        {
            throw Error($"{value} is out of range ({min} to {max})");
        }

        return value;
    }

    public ulong ULong()
    {
        var text = Scalar();
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"'{text}' is not a non-negative whole number");
    }

    public double Probability()
    {
        var text = Scalar();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 1)
        {
            throw Error($"'{text}' is not a probability between 0 and 1");
        }

        return value;
    }

    public bool Bool() => Scalar() switch
    {
        "true" => true,
        "false" => false,
        var other => throw Error($"'{other}' is not true or false"),
    };

    public TimeSpan Duration() => Duration(Scalar());

    /// <summary>Parses <paramref name="text"/> (900ms, 1.5s) as a duration, blaming this field when it is not one.</summary>
    public TimeSpan Duration(string text) =>
        MemberProfileText.TryParseDuration(text, out var duration) ? duration : throw Error($"'{text.Trim()}' is not a duration: write it like 900ms or 1.5s");

    public T Enum<T>(IReadOnlyDictionary<string, T> names)
    {
        var text = Scalar();
        return names.TryGetValue(text, out var value)
            ? value
            : throw Error($"'{text}' is not one of: {string.Join(", ", names.Keys)}");
    }

    public IdentitySelector Selector()
    {
        try
        {
            return IdentitySelector.Parse(Scalar());
        }
        catch (FormatException e)
        {
            throw Error(e.Message);
        }
    }

    public IEnumerable<YamlField> Items()
    {
        if (Node is not YamlSequenceNode sequence)
        {
            throw Error("expected a list");
        }

        var path = Path;
        var file = File;
        return sequence.Children.Select((child, i) => new YamlField(child, $"{path}[{i}]", file));
    }

    /// <summary>The mapping's fields, after checking that it has no key outside <paramref name="allowed"/>.</summary>
    public YamlMap Map(params string[] allowed)
    {
        if (Node is not YamlMappingNode mapping)
        {
            throw Error($"expected a mapping with fields {string.Join(", ", allowed)}");
        }

        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!allowed.Contains(name))
            {
                throw new YamlField(key, Child(name), File).Error($"unknown field '{name}' (expected one of: {string.Join(", ", allowed)})");
            }
        }

        return new YamlMap(mapping, this);
    }

    public string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";
}
