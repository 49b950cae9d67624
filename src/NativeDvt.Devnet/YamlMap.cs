using YamlDotNet.RepresentationModel;

namespace NativeDvt.Devnet;

/// <summary>The fields of one YAML mapping, looked up by name with their paths.</summary>
internal readonly record struct YamlMap(YamlMappingNode Node, YamlField Owner)
{
    public YamlField? this[string name] =>
        Node.Children.TryGetValue(new YamlScalarNode(name), out var value)
            ? new YamlField(value, Owner.Child(name), Owner.File)
            : null;

    public YamlField Required(string name) =>
        this[name] ?? throw Owner.Error($"the field '{name}' is required");
}
