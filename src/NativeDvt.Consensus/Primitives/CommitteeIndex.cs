namespace NativeDvt.Consensus.Primitives;

/// <summary>A committee's index within a slot.</summary>
public readonly record struct CommitteeIndex(ulong Value) : IComparable<CommitteeIndex>
{
    /// <summary>The value 0.</summary>
    public static readonly CommitteeIndex Zero = new(0);

    /// <summary>Wraps a raw value; explicit so that units never mix by accident.</summary>
    public static explicit operator CommitteeIndex(ulong value) => new(value);

    /// <summary>Unwraps the raw value.</summary>
    public static explicit operator ulong(CommitteeIndex value) => value.Value;

    /// <inheritdoc />
    public int CompareTo(CommitteeIndex other) => Value.CompareTo(other.Value);

    /// <summary>Orders by value.</summary>
    public static bool operator <(CommitteeIndex left, CommitteeIndex right) => left.Value < right.Value;

    /// <summary>Orders by value.</summary>
    public static bool operator >(CommitteeIndex left, CommitteeIndex right) => left.Value > right.Value;

    /// <summary>Orders by value.</summary>
    public static bool operator <=(CommitteeIndex left, CommitteeIndex right) => left.Value <= right.Value;

    /// <summary>Orders by value.</summary>
    public static bool operator >=(CommitteeIndex left, CommitteeIndex right) => left.Value >= right.Value;

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
