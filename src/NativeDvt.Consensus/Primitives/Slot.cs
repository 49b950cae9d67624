namespace NativeDvt.Consensus.Primitives;

/// <summary>A slot number.</summary>
public readonly record struct Slot(ulong Value) : IComparable<Slot>
{
    /// <summary>The value 0.</summary>
    public static readonly Slot Zero = new(0);

    /// <summary>Wraps a raw value; explicit so that units never mix by accident.</summary>
    public static explicit operator Slot(ulong value) => new(value);

    /// <summary>Unwraps the raw value.</summary>
    public static explicit operator ulong(Slot value) => value.Value;

    /// <inheritdoc />
    public int CompareTo(Slot other) => Value.CompareTo(other.Value);

    /// <summary>Orders by value.</summary>
    public static bool operator <(Slot left, Slot right) => left.Value < right.Value;

    /// <summary>Orders by value.</summary>
    public static bool operator >(Slot left, Slot right) => left.Value > right.Value;

    /// <summary>Orders by value.</summary>
    public static bool operator <=(Slot left, Slot right) => left.Value <= right.Value;

    /// <summary>Orders by value.</summary>
    public static bool operator >=(Slot left, Slot right) => left.Value >= right.Value;

    /// <summary>Checked sum: overflow is a bug, never a wrap.</summary>
    public static Slot operator +(Slot left, ulong right) => new(checked(left.Value + right));

    /// <summary>Checked difference: underflow is a bug, never a wrap.</summary>
    public static Slot operator -(Slot left, ulong right) => new(checked(left.Value - right));

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
