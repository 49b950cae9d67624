namespace NativeDvt.Ssz;

/// <summary>One field of an <see cref="SszContainerAttribute"/> type, where it needs more than its C# type says.</summary>
/// <remarks>
/// A field's codec is, in this order: the member named by <see cref="Codec"/>; a sequence built from one of
/// <see cref="SszListAttribute"/>, <see cref="SszVectorAttribute"/>, <see cref="SszBitlistAttribute"/> or
/// <see cref="SszBitvectorAttribute"/>; the field type's own codec when it is a container; the one codec of the field
/// type that the assembly's <see cref="SszCodecProviderAttribute"/> class offers. A field names a codec or has one
/// shape attribute, never both.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class SszFieldAttribute : Attribute
{
    /// <summary>A positional record's parameter: its place in the parameter list is its order.</summary>
    public SszFieldAttribute()
    {
        Order = -1;
    }

    /// <summary>A property: its place in the container, from 0.</summary>
    public SszFieldAttribute(int order)
    {
        Order = order;
    }

    /// <summary>The field's place in the container; -1 for a positional parameter.</summary>
    public int Order { get; }

    /// <summary>The spec's field name when it is not the snake_case of the C# name; it heads decoding error paths.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// A static codec property, or a static method taking the preset, on the container or the provider class:
    /// for field types with several encodings (a byte string as a public key or a signature).
    /// </summary>
    public string? Codec { get; set; }
}
