namespace NativeDvt.Consensus.Primitives;

/// <summary>An epoch number.</summary>
public readonly record struct Epoch(ulong Value) : IComparable<Epoch>
{
    /// <summary>The value 0.</summary>
    public static readonly Epoch Zero = new(0);

    /// <summary>Wraps a raw value; explicit so that units never mix by accident.</summary>
    public static explicit operator Epoch(ulong value) => new(value);

    /// <summary>Unwraps the raw value.</summary>
    public static explicit operator ulong(Epoch value) => value.Value;

    /// <inheritdoc />
    public int CompareTo(Epoch other) => Value.CompareTo(other.Value);

    /// <summary>Orders by value.</summary>
    public static bool operator <(Epoch left, Epoch right) => left.Value < right.Value;

    /// <summary>Orders by value.</summary>
    public static bool operator >(Epoch left, Epoch right) => left.Value > right.Value;

    /// <summary>Orders by value.</summary>
    public static bool operator <=(Epoch left, Epoch right) => left.Value <= right.Value;

    /// <summary>Orders by value.</summary>
    public static bool operator >=(Epoch left, Epoch right) => left.Value >= right.Value;

    /// <summary>Checked sum: overflow is a bug, never a wrap.</summary>
    public static Epoch operator +(Epoch left, ulong right) => new(checked(left.Value + right));

    /// <summary>Checked difference: underflow is a bug, never a wrap.</summary>
    public static Epoch operator -(Epoch left, ulong right) => new(checked(left.Value - right));

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
