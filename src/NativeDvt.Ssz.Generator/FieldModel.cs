namespace NativeDvt.Ssz.Generator;

/// <summary>One container field: its C# property, spec name and codec.</summary>
internal sealed class FieldModel(string property, string sszName, string type, FieldCodec codec)
{
    public string Property { get; } = property;

    public string SszName { get; } = sszName;

    /// <summary>The field's C# type, fully qualified.</summary>
    public string Type { get; } = type;

    public FieldCodec Codec { get; } = codec;
}
