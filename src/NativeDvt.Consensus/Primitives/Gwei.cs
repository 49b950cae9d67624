namespace NativeDvt.Consensus.Primitives;

/// <summary>An amount in Gwei.</summary>
public readonly record struct Gwei(ulong Value) : IComparable<Gwei>
{
    /// <summary>The value 0.</summary>
    public static readonly Gwei Zero = new(0);

    /// <summary>Wraps a raw value; explicit so that units never mix by accident.</summary>
    public static explicit operator Gwei(ulong value) => new(value);

    /// <summary>Unwraps the raw value.</summary>
    public static explicit operator ulong(Gwei value) => value.Value;

    /// <inheritdoc />
    public int CompareTo(Gwei other) => Value.CompareTo(other.Value);

    /// <summary>Orders by value.</summary>
    public static bool operator <(Gwei left, Gwei right) => left.Value < right.Value;

    /// <summary>Orders by value.</summary>
    public static bool operator >(Gwei left, Gwei right) => left.Value > right.Value;

    /// <summary>Orders by value.</summary>
    public static bool operator <=(Gwei left, Gwei right) => left.Value <= right.Value;

    /// <summary>Orders by value.</summary>
    public static bool operator >=(Gwei left, Gwei right) => left.Value >= right.Value;

    /// <summary>Checked sum: overflow is a bug, never a wrap.</summary>
    public static Gwei operator +(Gwei left, ulong right) => new(checked(left.Value + right));

    /// <summary>Checked difference: underflow is a bug, never a wrap.</summary>
    public static Gwei operator -(Gwei left, ulong right) => new(checked(left.Value - right));

    /// <summary>Checked sum.</summary>
    public static Gwei operator +(Gwei left, Gwei right) => new(checked(left.Value + right.Value));

    /// <summary>Checked difference.</summary>
    public static Gwei operator -(Gwei left, Gwei right) => new(checked(left.Value - right.Value));

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
