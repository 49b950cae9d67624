using System.Buffers.Binary;

namespace NativeDvt.Consensus.Primitives;

/// <summary>A 32-byte root, immutable and compared by value.</summary>
public readonly struct Root : IEquatable<Root>
{
    /// <summary>The length of a root in bytes.</summary>
    public const int Length = 32;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    /// <summary>The all-zero root.</summary>
    public static readonly Root Zero;

    /// <summary>Reads a root from exactly 32 bytes.</summary>
    public Root(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"a root is 32 bytes, not {bytes.Length}", nameof(bytes));
        }

        _a = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]);
        _d = BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]);
    }

    /// <summary>Writes the 32 bytes into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, _a);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], _d);
    }

    /// <summary>A fresh array holding the 32 bytes.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Parses 64 hex digits, with or without a 0x prefix.</summary>
    public static Root FromHex(string hex) =>
        new(Convert.FromHexString(hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex));

    /// <inheritdoc />
    public bool Equals(Root other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Root other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c, _d);

    /// <summary>Value equality.</summary>
    public static bool operator ==(Root left, Root right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Root left, Root right) => !left.Equals(right);

    /// <summary>0x-prefixed lowercase hex.</summary>
    public override string ToString() => "0x" + Convert.ToHexStringLower(ToArray());
}
