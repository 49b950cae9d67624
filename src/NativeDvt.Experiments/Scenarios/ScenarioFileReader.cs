using NativeDvt.Devnet;
using NativeDvt.Experiments.Metrics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NativeDvt.Experiments.Scenarios;

/// <summary>
/// Reads a scenario file (docs/experiments.md). Strict like the devnet file reader, and with its error form
/// <c>FILE:LINE:COLUMN: FIELD: problem</c>: an unknown field, a placeholder no axis binds, a plot naming an unknown
/// metric, or a sweep point whose devnet the devnet reader refuses (at the line of the template or of the value).
/// </summary>
public static class ScenarioFileReader
{
    /// <summary>The reserved parameter that runs the same stake as written, as solo keys or consolidated.</summary>
    public const string StakeParameter = "stake";

    private static readonly string[] TopFields = ["name", "question", "seed", "epochs", "seeds", "quick", "sweep", "plots", "devnet"];

    private static readonly Dictionary<string, StakeForm> StakeForms = new()
    {
        ["groups"] = StakeForm.Groups,
        ["solos"] = StakeForm.Solos,
        ["consolidated"] = StakeForm.Consolidated,
    };

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static ScenarioSpec Load(string path) => Parse(System.IO.File.ReadAllText(path), path);

    /// <summary>Reads scenario YAML; <paramref name="file"/> only names the source in errors.</summary>
    public static ScenarioSpec Parse(string yaml, string? file = null)
    {
        var root = new YamlField(LoadRoot(yaml, file), string.Empty, file);
        var top = root.Map(TopFields);
        var axes = top.Required("sweep").Items().Select(a => ReadAxis(a, yaml)).ToList();
        if (axes.Count == 0)
        {
            throw top.Required("sweep").Error("a sweep needs at least one parameter");
        }

        var names = CheckNames(axes, top.Required("sweep"));
        var devnet = top.Required("devnet");
        CheckPlaceholders(yaml, devnet, names, axes);
        var full = new SweepSize(top["epochs"]?.Int(1, 1000) ?? 4, top["seeds"]?.Int(1, 100) ?? 1);
        var quick = top["quick"] is { } q ? ReadQuick(q) : full;
        var plots = top["plots"]?.Items().Select(p => ReadPlot(p, names, axes)).ToList() ?? [];
        var points = new ScenarioPoints(
            Points(yaml, file, devnet, axes, quickOnly: false),
            Points(yaml, file, devnet, axes, quickOnly: true));
        return new ScenarioSpec(
            Name: top["name"]?.Scalar() ?? Path.GetFileNameWithoutExtension(file ?? "scenario"),
            Question: top.Required("question").Scalar(),
            File: file,
            Seed: top["seed"]?.ULong() ?? 1,
            Full: full,
            Quick: quick,
            Axes: axes,
            Plots: plots,
            Points: points);
    }

    private static YamlNode LoadRoot(string yaml, string? file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new DevnetFileException(file, (int)e.Start.Line, (int)e.Start.Column, "(yaml)", e.InnerException?.Message ?? e.Message);
        }

        return stream.Documents.Count == 1
            ? stream.Documents[0].RootNode
            : throw new DevnetFileException(file, 1, 1, "(file)", "expected exactly one YAML document");
    }

    private static SweepSize ReadQuick(YamlField field)
    {
        var map = field.Map("epochs", "seeds");
        return new SweepSize(map.Required("epochs").Int(1, 1000), map["seeds"]?.Int(1, 100) ?? 1);
    }

    private static SweepAxis ReadAxis(YamlField field, string yaml)
    {
        var map = field.Map("parameter", "values", "quick");
        var parameter = map.Required("parameter").Scalar();
        var values = map.Required("values").Items().Select(v => ReadValue(v, parameter, yaml)).ToList();
        if (values.Count == 0)
        {
            throw map.Required("values").Error("an axis needs at least one value");
        }

        if (values.GroupBy(v => v.Label).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw map.Required("values").Error($"the value '{twice.Key}' is listed twice");
        }

        if (parameter == StakeParameter && values.FirstOrDefault(v => !StakeForms.ContainsKey(v.Label)) is { } bad)
        {
            throw map.Required("values").Error($"'{bad.Label}' is not a stake form: one of {string.Join(", ", StakeForms.Keys)}");
        }

        var quick = map["quick"]?.Items().Select(item =>
        {
            var label = item.Scalar();
            return values.Any(v => v.Label == label) ? label : throw item.Error($"'{label}' is not one of the values of '{parameter}'");
        }).ToList();
        return new SweepAxis(parameter, values, quick ?? [.. values.Select(v => v.Label)]);
    }

    private static SweepValue ReadValue(YamlField field, string parameter, string yaml)
    {
        if (field.Node is YamlMappingNode mapping)
        {
            var bindings = mapping.Children.Select(pair =>
                new KeyValuePair<string, string>(((YamlScalarNode)pair.Key).Value ?? string.Empty, SourceText(new YamlField(pair.Value, field.Path, field.File), yaml))).ToList();
            var own = bindings.FirstOrDefault(b => b.Key == parameter);
            return own.Key is null
                ? throw field.Error($"a value given as a mapping must bind the parameter '{parameter}' itself")
                : new SweepValue(Unquote(own.Value), bindings);
        }

        var text = SourceText(field, yaml);
        return new SweepValue(field.Node is YamlScalarNode s ? s.Value ?? text : text, [new(parameter, text)]);
    }

    // The value as written, so that a list or a quoted string goes into the template exactly as the file spells it.
    private static string SourceText(YamlField field, string yaml)
    {
        var text = field.Node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } value } ? value : SourceSpan.OfValue(field.Node, yaml);
        return text.Contains('\n', StringComparison.Ordinal) || field.Node.AllNodes.Any(n => n.Start.Line != field.Node.Start.Line)
            ? throw field.Error("a sweep value must fit on one line (write lists as [a, b])")
            : text;
    }

    private static string Unquote(string text) => text.Length >= 2 && text[0] is '"' or '\'' && text[^1] == text[0] ? text[1..^1] : text;

    private static HashSet<string> CheckNames(List<SweepAxis> axes, YamlField sweep)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (axis, item) in axes.Zip(sweep.Items()))
        {
            foreach (var name in axis.Values.SelectMany(v => v.Bindings.Select(b => b.Key)).Distinct())
            {
                if (!names.Add(name))
                {
                    throw item.Error($"'{name}' is bound by two axes");
                }
            }
        }

        return names;
    }

    private static void CheckPlaceholders(string yaml, YamlField devnet, HashSet<string> names, List<SweepAxis> axes)
    {
        var (start, end) = SourceSpan.OfBlock(devnet.Node, yaml);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, index) in Placeholders.Find(yaml[start..end]))
        {
            if (!names.Contains(name))
            {
                var (line, column) = Position(yaml, start + index);
                throw new DevnetFileException(devnet.File, line, column, "devnet", $"${name} is bound by no sweep axis (bound: {string.Join(", ", names)})");
            }

            used.Add(name);
        }

        // A value may hold placeholders of other axes (filled in a second pass): those names count as used too.
        used.UnionWith(axes.SelectMany(a => a.Values).SelectMany(v => v.Bindings).SelectMany(b => Placeholders.Find(b.Value)).Select(p => p.Name));
        // Values given as mappings may bind names only plots use (case: "4-2", k: 2); a plain axis the devnet never
        // uses is a mistake.
        var labelsOnly = axes.Where(a => a.Values.Any(v => v.Bindings.Count > 1)).SelectMany(a => a.Values.SelectMany(v => v.Bindings.Select(b => b.Key))).ToHashSet();
        if (names.FirstOrDefault(n => n != StakeParameter && !labelsOnly.Contains(n) && !used.Contains(n)) is { } unused)
        {
            var axis = axes.First(a => a.Values.Any(v => v.Bindings.Any(b => b.Key == unused)));
            throw devnet.Error($"the sweep binds '{unused}' (axis '{axis.Parameter}') but the devnet never uses ${unused}");
        }
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return (line, index - lineStart + 1);
    }

    private static PlotSpec ReadPlot(YamlField field, HashSet<string> names, List<SweepAxis> axes)
    {
        var map = field.Map("title", "x", "y", "where", "series");
        var x = map.Required("x").Scalar();
        if (!names.Contains(x))
        {
            throw map.Required("x").Error($"'{x}' is bound by no sweep axis (bound: {string.Join(", ", names)})");
        }

        var y = map.Required("y").Scalar();
        if (!RunMetrics.Names.Contains(y))
        {
            throw map.Required("y").Error($"'{y}' is not a metric: one of {string.Join(", ", RunMetrics.Names)}");
        }

        var where = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map["where"] is { } filter)
        {
            var node = (filter.Node as YamlMappingNode) ?? throw filter.Error("expected a mapping of name: value");
            foreach (var (key, value) in node.Children)
            {
                var name = ((YamlScalarNode)key).Value ?? string.Empty;
                var label = new YamlField(value, filter.Child(name), filter.File).Scalar();
                var labels = axes.SelectMany(a => a.Values).SelectMany(v => v.Bindings.Where(b => b.Key == name).Select(b => Unquote(b.Value))).ToHashSet();
                where[name] = labels.Contains(label) ? label : throw new YamlField(value, filter.Child(name), filter.File).Error($"'{label}' is not a value of '{name}'");
            }
        }

        var series = map["series"]?.Items().Select(item =>
        {
            var name = item.Scalar();
            return names.Contains(name) && name != x ? name : throw item.Error($"'{name}' is bound by no sweep axis, or is x (bound: {string.Join(", ", names)})");
        }).ToList();
        return new PlotSpec(map.Required("title").Scalar(), x, y, where, series ?? []);
    }

    private static List<SweepPoint> Points(string yaml, string? file, YamlField devnet, List<SweepAxis> axes, bool quickOnly)
    {
        var (start, end) = SourceSpan.OfBlock(devnet.Node, yaml);
        var combinations = new List<List<(string Parameter, SweepValue Value)>> { new() };
        foreach (var axis in axes)
        {
            var values = quickOnly ? axis.Values.Where(v => axis.QuickValues.Contains(v.Label)).ToList() : axis.Values;
            combinations = [.. combinations.SelectMany(c => values.Select(v => new List<(string, SweepValue)>(c) { (axis.Parameter, v) }))];
        }

        return [.. combinations.Select(combination =>
        {
            var values = combination.Select(c => c.Value).ToList();
            var bindings = values.SelectMany(v => v.Bindings).ToDictionary(b => b.Key, b => b.Value, StringComparer.Ordinal);
            var filled = yaml[..start] + Placeholders.Fill(yaml[start..end], bindings) + yaml[end..];
            var root = new YamlField(LoadRoot(filled, file), string.Empty, file).Map(TopFields);
            var spec = DevnetFileReader.Read(root.Required("devnet"));
            var labels = values.SelectMany(v => v.Bindings.Select(b => new KeyValuePair<string, string>(b.Key, Unquote(b.Value)))).ToList();
            var stake = bindings.TryGetValue(StakeParameter, out var form) ? StakeForms[form] : StakeForm.Groups;
            return new SweepPoint(labels, spec, stake, combination);
        })];
    }
}
