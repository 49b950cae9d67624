namespace NativeDvt.Ssz;

/// <summary>
/// A Vector[element, length] field declared <c>IReadOnlyList&lt;T&gt;</c>, its element's codec found as a field's would
/// be; or a ByteVector[length] field declared <c>byte[]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class SszVectorAttribute : Attribute
{
    /// <summary>A vector of exactly <paramref name="length"/> elements, at least one.</summary>
    public SszVectorAttribute(int length)
    {
        Length = length;
    }

    /// <summary>The number of elements.</summary>
    public int Length { get; }
}
