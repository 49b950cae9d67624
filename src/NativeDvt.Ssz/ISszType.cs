namespace NativeDvt.Ssz;

/// <summary>The shape of an SSZ type, independent of its C# value type: what a container layout needs.</summary>
public interface ISszType
{
    /// <summary>The SSZ type name, e.g. <c>uint64</c>, <c>List[uint16, 1024]</c>, <c>BeaconBlock</c>.</summary>
    string TypeName { get; }

    /// <summary>True when every value serializes to <see cref="FixedSize"/> bytes.</summary>
    bool IsFixedSize { get; }

    /// <summary>The serialized size of a fixed-size type; 0 for a variable-size type.</summary>
    int FixedSize { get; }
}
