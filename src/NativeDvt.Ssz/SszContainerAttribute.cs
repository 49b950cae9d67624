namespace NativeDvt.Ssz;

/// <summary>
/// Marks a partial record or class as an SSZ container whose codec NativeDvt.Ssz.Generator writes at build time:
/// a static <c>Codec</c>, or <c>CodecFor(preset)</c> when a field's limit comes from the preset.
/// </summary>
/// <remarks>
/// The fields are the primary constructor's parameters in order, or else the properties marked
/// <see cref="SszFieldAttribute"/> in <see cref="SszFieldAttribute.Order"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SszContainerAttribute : Attribute
{
    /// <summary>
    /// Keep each value's hash_tree_root for the life of the value object: worth it only for immutable values that are
    /// large and hashed many times (a block body).
    /// </summary>
    public bool CacheRoots { get; set; }

    /// <summary>
    /// Whether a field's spec name (the head of decoding error paths) is the snake_case of its C# name; false keeps the
    /// C# name, for specs whose field names are not snake_case (the ssz_generic test containers' A..G).
    /// </summary>
    public bool SnakeCaseNames { get; set; } = true;
}
