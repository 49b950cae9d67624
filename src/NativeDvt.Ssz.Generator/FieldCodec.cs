namespace NativeDvt.Ssz.Generator;

/// <summary>
/// A C# expression that yields a field's codec. A shared static codec is used in place; one that is built (a list) or
/// depends on the preset (the identifier <c>preset</c>) is built once per container codec and kept in a field.
/// </summary>
internal sealed class FieldCodec(string expression, bool built, bool perPreset)
{
    public string Expression { get; } = expression;

    /// <summary>Built per container codec rather than a shared static one.</summary>
    public bool Built { get; } = built || perPreset;

    public bool PerPreset { get; } = perPreset;
}
