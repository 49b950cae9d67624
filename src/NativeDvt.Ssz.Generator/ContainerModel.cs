namespace NativeDvt.Ssz.Generator;

/// <summary>What the emitter needs of one [SszContainer] type, resolved and free of symbols.</summary>
internal sealed class ContainerModel(
    string? @namespace, string name, string keyword, bool positional, bool cacheRoots, string? presetType, IReadOnlyList<FieldModel> fields)
{
    /// <summary>The namespace, or null for the global one.</summary>
    public string? Namespace { get; } = @namespace;

    public string Name { get; } = name;

    /// <summary><c>record</c> or <c>class</c>, as the type is declared.</summary>
    public string Keyword { get; } = keyword;

    /// <summary>Built through the primary constructor rather than an object initializer.</summary>
    public bool Positional { get; } = positional;

    public bool CacheRoots { get; } = cacheRoots;

    /// <summary>The preset type, fully qualified, when a field's codec depends on the preset.</summary>
    public string? PresetType { get; } = presetType;

    public IReadOnlyList<FieldModel> Fields { get; } = fields;
}
