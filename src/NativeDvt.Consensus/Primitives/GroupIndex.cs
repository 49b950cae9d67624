namespace NativeDvt.Consensus.Primitives;

/// <summary>A group's index in the registry: the validator index of a (possibly 1-of-1) group.</summary>
public readonly record struct GroupIndex(ulong Value) : IComparable<GroupIndex>
{
    /// <summary>The value 0.</summary>
    public static readonly GroupIndex Zero = new(0);

    /// <summary>Wraps a raw value; explicit so that units never mix by accident.</summary>
    public static explicit operator GroupIndex(ulong value) => new(value);

    /// <summary>Unwraps the raw value.</summary>
    public static explicit operator ulong(GroupIndex value) => value.Value;

    /// <inheritdoc />
    public int CompareTo(GroupIndex other) => Value.CompareTo(other.Value);

    /// <summary>Orders by value.</summary>
    public static bool operator <(GroupIndex left, GroupIndex right) => left.Value < right.Value;

    /// <summary>Orders by value.</summary>
    public static bool operator >(GroupIndex left, GroupIndex right) => left.Value > right.Value;

    /// <summary>Orders by value.</summary>
    public static bool operator <=(GroupIndex left, GroupIndex right) => left.Value <= right.Value;

    /// <summary>Orders by value.</summary>
    public static bool operator >=(GroupIndex left, GroupIndex right) => left.Value >= right.Value;

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
