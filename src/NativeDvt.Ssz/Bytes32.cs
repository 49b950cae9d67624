using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NativeDvt.Ssz;

/// <summary>
/// 32 bytes compared by value: a chunk or a hash_tree_root. The four words hold the bytes in memory
/// order (native-endian reads), so a span of <see cref="Bytes32"/> is also a span of its bytes.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Bytes32 : IEquatable<Bytes32>
{
    /// <summary>The length in bytes.</summary>
    public const int Length = 32;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    /// <summary>The all-zero value.</summary>
    public static readonly Bytes32 Zero;

    /// <summary>Reads exactly 32 bytes.</summary>
    public Bytes32(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"expected 32 bytes, got {bytes.Length}", nameof(bytes));
        }

        _a = MemoryMarshal.Read<ulong>(bytes);
        _b = MemoryMarshal.Read<ulong>(bytes[8..]);
        _c = MemoryMarshal.Read<ulong>(bytes[16..]);
        _d = MemoryMarshal.Read<ulong>(bytes[24..]);
    }

    /// <summary>The bytes of <paramref name="value"/> without copying.</summary>
    public static ReadOnlySpan<byte> AsSpan(ref readonly Bytes32 value) =>
        MemoryMarshal.AsBytes(new ReadOnlySpan<Bytes32>(in value));

    /// <summary>Writable bytes of a local, for hashing into it without a copy.</summary>
    internal static Span<byte> AsWritableSpan(ref Bytes32 value) =>
        MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref value, 1));

    /// <summary>Writes the 32 bytes into the start of <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        MemoryMarshal.Write(destination, in _a);
        MemoryMarshal.Write(destination[8..], in _b);
        MemoryMarshal.Write(destination[16..], in _c);
        MemoryMarshal.Write(destination[24..], in _d);
    }

    /// <summary>A fresh array holding the 32 bytes.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Parses 64 hex digits, with or without a 0x prefix.</summary>
    public static Bytes32 FromHex(string hex) =>
        new(Convert.FromHexString(hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equals(Bytes32 other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Bytes32 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c, _d);

    /// <summary>Value equality.</summary>
    public static bool operator ==(Bytes32 left, Bytes32 right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Bytes32 left, Bytes32 right) => !left.Equals(right);

    /// <summary>0x-prefixed lowercase hex.</summary>
    public override string ToString() => "0x" + Convert.ToHexStringLower(ToArray());
}
