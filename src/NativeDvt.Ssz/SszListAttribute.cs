namespace NativeDvt.Ssz;

/// <summary>
/// A List[element, limit] field declared <c>IReadOnlyList&lt;T&gt;</c>, its element's codec found as a field's would be;
/// or a ByteList[limit] field declared <c>byte[]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class SszListAttribute : Attribute
{
    /// <summary>A limit fixed for every chain.</summary>
    public SszListAttribute(long limit)
    {
        Limit = limit;
    }

    /// <summary>A limit read from the preset property named <paramref name="presetLimit"/>: the container's codec is then per preset.</summary>
    public SszListAttribute(string presetLimit)
    {
        PresetLimit = presetLimit;
    }

    /// <summary>The fixed limit; 0 when <see cref="PresetLimit"/> is set.</summary>
    public long Limit { get; }

    /// <summary>The preset property holding the limit.</summary>
    public string? PresetLimit { get; }
}
