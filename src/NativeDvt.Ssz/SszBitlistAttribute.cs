namespace NativeDvt.Ssz;

/// <summary>A Bitlist[limit] field declared <c>bool[]</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class SszBitlistAttribute : Attribute
{
    /// <summary>A bitlist of at most <paramref name="limit"/> bits.</summary>
    public SszBitlistAttribute(int limit)
    {
        Limit = limit;
    }

    /// <summary>The most bits the list holds.</summary>
    public int Limit { get; }
}
