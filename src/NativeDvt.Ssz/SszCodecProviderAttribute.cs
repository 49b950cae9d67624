namespace NativeDvt.Ssz;

/// <summary>
/// Names the static class whose codec properties the generated container codecs of this assembly use for field types
/// that are not containers (newtypes, roots, byte strings), and the preset type that preset-bound list limits come from.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, Inherited = false)]
public sealed class SszCodecProviderAttribute : Attribute
{
    /// <summary>The assembly's codecs are the static properties of <paramref name="codecs"/>.</summary>
    public SszCodecProviderAttribute(Type codecs)
    {
        Codecs = codecs;
    }

    /// <summary>The class of codec properties.</summary>
    public Type Codecs { get; }

    /// <summary>The type passed to <c>CodecFor</c> of containers with preset-bound limits.</summary>
    public Type? Preset { get; set; }
}
