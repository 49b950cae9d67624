namespace NativeDvt.Consensus.Primitives;

/// <summary>
/// An immutable byte string compared by value: public keys, signatures, graffiti and payloads,
/// whose length depends on the signature scheme.
/// </summary>
public sealed class Bytes : IEquatable<Bytes>
{
    private readonly byte[] _data;

    /// <summary>The empty byte string.</summary>
    public static Bytes Empty { get; } = new([]);

    private Bytes(byte[] data) => _data = data;

    /// <summary>Copies <paramref name="data"/>.</summary>
    public static Bytes From(ReadOnlySpan<byte> data) => new(data.ToArray());

    /// <summary>Takes ownership of <paramref name="data"/>: the caller must not change it afterwards.</summary>
    public static Bytes Wrap(byte[] data) => new(data);

    /// <summary>Parses hex with or without a 0x prefix.</summary>
    public static Bytes FromHex(string hex) =>
        new(Convert.FromHexString(hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex));

    /// <summary>The length in bytes.</summary>
    public int Length => _data.Length;

    /// <summary>A read-only view.</summary>
    public ReadOnlySpan<byte> Span => _data;

    /// <summary>A read-only memory view.</summary>
    public ReadOnlyMemory<byte> Memory => _data;

    /// <summary>The backing array, for encoders that only read it.</summary>
    internal byte[] Raw => _data;

    /// <summary>A fresh copy.</summary>
    public byte[] ToArray() => (byte[])_data.Clone();

    /// <inheritdoc />
    public bool Equals(Bytes? other) => other is not null && _data.AsSpan().SequenceEqual(other._data);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Bytes other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_data);
        return hash.ToHashCode();
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(Bytes? left, Bytes? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Bytes? left, Bytes? right) => !(left == right);

    /// <summary>0x-prefixed lowercase hex.</summary>
    public override string ToString() => "0x" + Convert.ToHexStringLower(_data);
}
