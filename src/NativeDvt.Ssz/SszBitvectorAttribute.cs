namespace NativeDvt.Ssz;

/// <summary>A Bitvector[length] field declared <c>bool[]</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class SszBitvectorAttribute : Attribute
{
    /// <summary>A bitvector of exactly <paramref name="length"/> bits, at least one.</summary>
    public SszBitvectorAttribute(int length)
    {
        Length = length;
    }

    /// <summary>The number of bits.</summary>
    public int Length { get; }
}
